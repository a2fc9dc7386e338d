-- The values of the fields plugins add to the webhook form (CoreHooks.WEBHOOK_FORM), per webhook and plugin:
-- one row per key, the value as text; a value declared secret is sealed with the secrets key
-- (secrets.SealedValues, the place "webhook-field:<webhook>:<plugin>:<key>"). Deleting the webhook deletes
-- its rows; uninstalling a plugin deletes the plugin's. Portable SQL (SQLite and PostgreSQL 15).

CREATE TABLE webhook_plugin_fields (
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    plugin_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (webhook_id, plugin_id, key)
);

CREATE INDEX webhook_plugin_fields_plugin ON webhook_plugin_fields (plugin_id);
