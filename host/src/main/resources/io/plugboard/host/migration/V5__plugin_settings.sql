-- Settings of plugins, one row per plugin and key. Values are text; secrets are kept in clear
-- because the plugin needs them (like webhook signing secrets), and are never shown back in full.
CREATE TABLE plugin_settings (
    plugin_id     TEXT   NOT NULL,
    setting_key   TEXT   NOT NULL,
    setting_value TEXT   NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (plugin_id, setting_key)
);

-- The tables each plugin's own migrations created (all named p_<plugin id>_…), in the order they
-- were created, so uninstalling a plugin drops exactly those, children first.
CREATE TABLE plugin_tables (
    plugin_id  TEXT    NOT NULL,
    table_name TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (plugin_id, table_name)
);
