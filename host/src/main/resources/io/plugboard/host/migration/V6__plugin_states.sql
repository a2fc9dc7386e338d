-- The state the admin chose for each plugin; a plugin without a row is active (new plugins start).
CREATE TABLE plugin_states (
    plugin_id  TEXT PRIMARY KEY,
    active     BOOLEAN NOT NULL,
    changed_at BIGINT NOT NULL
);
