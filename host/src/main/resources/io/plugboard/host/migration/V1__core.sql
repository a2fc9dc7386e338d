-- Times are epoch milliseconds (BIGINT) so the same schema reads alike on SQLite and PostgreSQL.

CREATE TABLE webhooks (
    id              TEXT PRIMARY KEY,
    name            TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    token           TEXT,
    secret          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    ok_count        BIGINT  NOT NULL DEFAULT 0,
    failed_count    BIGINT  NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    last_attempt_at BIGINT
);

CREATE INDEX webhooks_by_created ON webhooks (created_at, id);

-- The event types a webhook subscribes to.
CREATE TABLE webhook_events (
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (webhook_id, event_type)
);

CREATE INDEX webhook_events_by_type ON webhook_events (event_type, webhook_id);

-- Every event emitted: by plugins, by the embedding app, through the API, or as a test.
CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    type       TEXT   NOT NULL,
    data       TEXT   NOT NULL,
    source     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX events_by_type ON events (type, created_at);

-- One HTTP attempt to deliver an event to a webhook.
CREATE TABLE delivery_attempts (
    id              TEXT PRIMARY KEY,
    webhook_id      TEXT    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        TEXT    NOT NULL REFERENCES events (id),
    attempted_at    BIGINT  NOT NULL,
    success         BOOLEAN NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    duration_ms     BIGINT  NOT NULL,
    error           TEXT
);

CREATE INDEX delivery_attempts_by_webhook ON delivery_attempts (webhook_id, attempted_at);
