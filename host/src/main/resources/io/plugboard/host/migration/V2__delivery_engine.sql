-- The delivery engine: one delivery per (event, webhook), retried until it succeeds or gives up.

CREATE TABLE deliveries (
    id              TEXT PRIMARY KEY,
    event_id        TEXT    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    webhook_id      TEXT    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    status          TEXT    NOT NULL,          -- pending | succeeded | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,                    -- set while pending
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    test            BOOLEAN NOT NULL DEFAULT FALSE
);

-- The dispatcher's query: due deliveries of one webhook, oldest first.
CREATE INDEX deliveries_due ON deliveries (webhook_id, status, next_attempt_at);
-- The deliveries page: one webhook's deliveries, newest first, keyset-paginated.
CREATE INDEX deliveries_by_webhook ON deliveries (webhook_id, created_at, id);
CREATE INDEX deliveries_by_event ON deliveries (event_id);
CREATE INDEX deliveries_by_age ON deliveries (created_at);

-- Attempts now belong to a delivery and keep what was sent and received.
DROP TABLE delivery_attempts;
CREATE TABLE delivery_attempts (
    id               TEXT PRIMARY KEY,
    delivery_id      TEXT    NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    webhook_id       TEXT    NOT NULL,
    attempt          INTEGER NOT NULL,
    attempted_at     BIGINT  NOT NULL,
    success          BOOLEAN NOT NULL,
    request_headers  TEXT    NOT NULL,   -- JSON object, secrets masked
    response_status  INTEGER,
    response_headers TEXT,               -- JSON object
    response_body    TEXT,
    duration_ms      BIGINT  NOT NULL,
    error            TEXT
);

CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, attempt);
CREATE INDEX delivery_attempts_by_webhook ON delivery_attempts (webhook_id, attempted_at);

-- Secret rotation keeps the previous secret signing until it expires; auto-disable needs the failure streak.
ALTER TABLE webhooks ADD COLUMN previous_secret TEXT;
ALTER TABLE webhooks ADD COLUMN previous_secret_expires_at BIGINT;
ALTER TABLE webhooks ADD COLUMN failing_since BIGINT;
ALTER TABLE webhooks ADD COLUMN consecutive_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE webhooks ADD COLUMN disabled_reason TEXT;
ALTER TABLE webhooks ADD COLUMN disabled_at BIGINT;
