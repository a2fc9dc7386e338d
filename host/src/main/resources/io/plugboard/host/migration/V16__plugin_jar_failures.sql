-- The jars of the plugins folder whose version did not start while another version of the plugin could
-- run (FolderSync): the host does not try them again, at this or a later start, until the file changes
-- (another fingerprint: size and modification time) or the plugin is removed or uninstalled. Keyed by
-- the jar's file name in the plugins folder. Portable SQL (SQLite and PostgreSQL 15).
CREATE TABLE plugin_jar_failures (
    file_name   TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    plugin_id   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    failed_at   BIGINT NOT NULL
);
