-- Plugins that hung in start() or threw an Error (OutOfMemoryError, StackOverflowError, ...) there:
-- not started again at the next host start until their jar changes (another fingerprint) or an
-- admin activates them, so such a plugin cannot keep the host from coming up.
CREATE TABLE plugin_quarantine (
    plugin_id   TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    reason      TEXT NOT NULL,
    held_at     BIGINT NOT NULL
);
