-- Where a webhook delivers (issue 16): 'http' (its url) or a destination a plugin provides, with that
-- destination's settings; and the settings of a payload format a plugin provides. Both settings are
-- one JSON object sealed with the secrets key (secrets.SealedSettings), NULL for none.
-- Portable SQL (SQLite and PostgreSQL 15).

ALTER TABLE webhooks ADD COLUMN destination_type TEXT NOT NULL DEFAULT 'http';
ALTER TABLE webhooks ADD COLUMN destination_settings TEXT;
ALTER TABLE webhooks ADD COLUMN format_settings TEXT;
