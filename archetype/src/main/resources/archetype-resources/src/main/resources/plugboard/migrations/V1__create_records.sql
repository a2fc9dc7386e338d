#set( $tableName = "p_${pluginId.replaceAll('[^a-z0-9]', '_')}_records" )
-- The plugin's own table, created when the plugin starts (once). Every table's name starts with
-- p_<plugin id>_; write SQL that runs on SQLite and PostgreSQL (TEXT, BIGINT, times as epoch milliseconds).
CREATE TABLE ${tableName} (
    example_id TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
