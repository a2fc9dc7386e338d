-- How an HTTP webhook's endpoint is reached beyond its URL (outbound.EndpointAccess):
-- client_tls: the client certificate, its private key and a CA bundle (PEM), one JSON object sealed whole
--   with the secrets key (secrets.SealedSettings, the place "webhook-tls:<id>"); null for none.
-- oauth: OAuth 2.0 client credentials as plain JSON {token_url, client_id, client_secret, scope}; client_secret
--   is the NAME of a secret in the secrets store, never its value, so secrets.SecretUsage can read it. Null for none.
-- Portable SQL (SQLite and PostgreSQL 15).

ALTER TABLE webhooks ADD COLUMN client_tls TEXT;
ALTER TABLE webhooks ADD COLUMN oauth TEXT;
