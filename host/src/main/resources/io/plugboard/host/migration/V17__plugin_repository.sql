-- Plugins from repositories (docs/plugin-repository.md). The version an admin (or the auto-update)
-- chose per plugin, with the release every instance downloads and checks itself to converge on it;
-- what happened on each instance (install, update, rollback, refusal); and the per-plugin auto-update.

CREATE TABLE plugin_wanted_versions (
    plugin_id  TEXT PRIMARY KEY,
    version    TEXT   NOT NULL,
    url        TEXT   NOT NULL,              -- the jar, absolute
    sha512     TEXT   NOT NULL,
    signature  TEXT,                         -- the release's signature as JSON, or NULL when unsigned
    set_by     TEXT   NOT NULL,              -- who chose it: an admin's name, a token's, or auto-update
    set_at     BIGINT NOT NULL
);

CREATE TABLE plugin_history (
    id           TEXT PRIMARY KEY,           -- phi_…, time-ordered
    plugin_id    TEXT   NOT NULL,
    action       TEXT   NOT NULL,            -- install, update, rollback, refused
    from_version TEXT,
    to_version   TEXT   NOT NULL,
    instance_id  TEXT   NOT NULL,
    actor        TEXT   NOT NULL,
    message      TEXT,
    at           BIGINT NOT NULL
);
CREATE INDEX plugin_history_by_plugin ON plugin_history (plugin_id, id);

CREATE TABLE plugin_auto_update (
    plugin_id TEXT PRIMARY KEY,
    policy    TEXT NOT NULL                   -- off, patch or minor; no row: the host's default
);
