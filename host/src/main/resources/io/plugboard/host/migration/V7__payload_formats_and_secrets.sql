-- Per-webhook payload format, template, custom headers and event filter; the secrets store.
-- Portable SQL (SQLite and PostgreSQL 15): TEXT / BIGINT, times as epoch milliseconds.

ALTER TABLE webhooks ADD COLUMN format TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE webhooks ADD COLUMN template TEXT;
-- A JSON object of header name -> value (the value may reference a secret); NULL for none.
ALTER TABLE webhooks ADD COLUMN headers TEXT;
ALTER TABLE webhooks ADD COLUMN filter TEXT;

-- Named secrets; the value is AES-GCM ciphertext (base64 of nonce + ciphertext + tag), the key lives
-- outside the database.
CREATE TABLE secrets (
    name         TEXT PRIMARY KEY,
    value        TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    last_used_at BIGINT
);
