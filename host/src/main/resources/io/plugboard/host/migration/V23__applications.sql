-- Applications (tenants): an embedder's customers, each with their own webhooks, inbound webhooks, named
-- secrets and deliveries (apps.Application). Portable SQL (SQLite and PostgreSQL 15).
-- uid: the embedder's own id of the customer, unique; paths accept it or the id.
-- metadata: a JSON object the embedder keeps with the application, given back as is.
-- allowed_event_types: a JSON array of keys or prefix patterns ("invoice.*"); NULL: every type.
-- frame_ancestors: a JSON array of origins that may frame its portal; NULL: the host-wide setting.
-- theme: a JSON object {site_name, logo_url, primary_color, color_scheme} for its portal; NULL: the host's.
-- retention_days, auto_disable_after_hours: its own delivery-log retention and auto-disable time; NULL: the host's.
-- Rows that belong to an application are not tied to it by a foreign key: SQLite cannot add a column with
-- a REFERENCES clause and a non-null default, so apps.ApplicationStore deletes them with it instead.

CREATE TABLE applications (
    id                  TEXT PRIMARY KEY,
    uid                 TEXT   NOT NULL UNIQUE,
    name                TEXT   NOT NULL,
    metadata            TEXT   NOT NULL,
    allowed_event_types TEXT,
    frame_ancestors     TEXT,
    theme               TEXT,
    retention_days      INTEGER,
    auto_disable_after_hours INTEGER,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

-- Every existing row belongs to the default application, so a host that never creates one works as before.
INSERT INTO applications (id, uid, name, metadata, created_at, updated_at)
VALUES ('app_default', 'default', 'Default application', '{}', 0, 0);

ALTER TABLE webhooks ADD COLUMN app_id TEXT NOT NULL DEFAULT 'app_default';
CREATE INDEX webhooks_by_app ON webhooks (app_id, created_at);

ALTER TABLE inbound_webhooks ADD COLUMN app_id TEXT NOT NULL DEFAULT 'app_default';
CREATE INDEX inbound_webhooks_by_app ON inbound_webhooks (app_id);

-- The application an event was emitted for; NULL for a broadcast (every application's subscribers).
ALTER TABLE events ADD COLUMN app_id TEXT;

-- An API token scoped to one application sees nothing outside it; NULL: the whole host.
ALTER TABLE api_tokens ADD COLUMN app_id TEXT;

-- Named secrets are per application: the same name may hold different values in two applications.
CREATE TABLE app_secrets (
    app_id       TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    value        TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    PRIMARY KEY (app_id, name)
);
INSERT INTO app_secrets (app_id, name, value, created_at, updated_at, last_used_at)
SELECT 'app_default', name, value, created_at, updated_at, last_used_at FROM secrets;
DROP TABLE secrets;
ALTER TABLE app_secrets RENAME TO secrets;
