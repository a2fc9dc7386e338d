-- The request inspector's inboxes, shared by every instance on the database (before, each instance
-- kept its own in memory). Bounded in code: a few inboxes, 24 hours each, the last 50 requests of
-- each with bodies cut at 64 KB, so the public capture URL cannot fill the database.
-- (Since this version, inbound_webhooks.settings holds the settings sealed with the secrets key;
-- the comment in V8 predates that.)
CREATE TABLE inspector_inboxes (
    id         TEXT PRIMARY KEY,
    label      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    received   INTEGER NOT NULL DEFAULT 0    -- requests received in all; numbers the next one
);

CREATE TABLE inspector_requests (
    inbox_id       TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    received_at    BIGINT  NOT NULL,
    method         TEXT    NOT NULL,
    path           TEXT    NOT NULL,
    query          TEXT,
    headers        TEXT    NOT NULL,         -- JSON: lower-case name to the values received
    body           ${bytes} NOT NULL,
    body_bytes     BIGINT  NOT NULL,         -- the size received; body holds at most 64 KB of it
    truncated      BOOLEAN NOT NULL,
    remote_address TEXT,
    PRIMARY KEY (inbox_id, number)
);
