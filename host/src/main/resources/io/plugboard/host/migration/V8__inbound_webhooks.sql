-- Inbound webhooks: URLs that external systems POST to, each parsed by a receiver from a plugin.
-- The access key is stored only as its SHA-256 (hex); it is shown once, after create and rotate.
-- Settings are a JSON object of key to text; secret settings are kept in clear because the receiver
-- needs them (like webhook signing secrets) and are never shown back in full.
CREATE TABLE inbound_webhooks (
    id                TEXT PRIMARY KEY,
    name              TEXT    NOT NULL,
    receiver_id       TEXT    NOT NULL,
    plugin_id         TEXT    NOT NULL,
    plugin_version    TEXT    NOT NULL,       -- the version the admin accepted (MANUAL) or last seen (AUTO)
    upgrade_mode      TEXT    NOT NULL,       -- AUTO | MANUAL
    settings          TEXT    NOT NULL,
    key_hash          TEXT    NOT NULL,
    key_prefix        TEXT    NOT NULL,       -- first characters of the key, to tell keys apart
    state             TEXT    NOT NULL,       -- ENABLED | DISABLED
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    key_rotated_at    BIGINT  NOT NULL,
    requests_total    BIGINT  NOT NULL DEFAULT 0,
    accepted_count    BIGINT  NOT NULL DEFAULT 0,
    rejected_count    BIGINT  NOT NULL DEFAULT 0,
    parse_error_count BIGINT  NOT NULL DEFAULT 0,
    last_received_at  BIGINT
);

CREATE INDEX inbound_webhooks_by_created ON inbound_webhooks (created_at, id);

-- The last requests an inbound webhook refused or could not parse, newest kept (a few per webhook).
CREATE TABLE inbound_errors (
    id          TEXT PRIMARY KEY,
    inbound_id  TEXT    NOT NULL REFERENCES inbound_webhooks (id) ON DELETE CASCADE,
    received_at BIGINT  NOT NULL,
    status      INTEGER NOT NULL,
    kind        TEXT    NOT NULL,             -- rejected | parse_error | unavailable | failed
    message     TEXT    NOT NULL,
    content_type TEXT,
    body        TEXT,                         -- the first 4 KB of the body, as UTF-8
    body_bytes  BIGINT  NOT NULL
);

CREATE INDEX inbound_errors_by_webhook ON inbound_errors (inbound_id, received_at);

-- Where a received event came from: its inbound webhook and the sender's own id for it. The
-- inbound webhook may have been deleted since; the event stays, and so does this row.
CREATE TABLE inbound_events (
    event_id    TEXT   PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    inbound_id  TEXT   NOT NULL,
    external_id TEXT,
    occurred_at BIGINT,
    received_at BIGINT NOT NULL
);

-- A sender's retry of an event already received is recognised by its id (NULLs never collide).
CREATE UNIQUE INDEX inbound_events_by_external_id ON inbound_events (inbound_id, external_id);
CREATE INDEX inbound_events_by_received ON inbound_events (received_at, event_id);
CREATE INDEX inbound_events_by_webhook ON inbound_events (inbound_id, received_at);
