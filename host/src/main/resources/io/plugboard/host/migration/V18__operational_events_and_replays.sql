-- Operational events: the refusals of an inbound webhook in its current burst window (one
-- inbound_refused_burst per window, counted in the refusal's own transaction, so instances share it).
ALTER TABLE inbound_webhooks ADD COLUMN refused_window_start BIGINT;
ALTER TABLE inbound_webhooks ADD COLUMN refused_in_window BIGINT NOT NULL DEFAULT 0;

-- Bulk replay: a delivery queued again names the one it replays (a single redeliver too).
ALTER TABLE deliveries ADD COLUMN replay_of TEXT;

-- A bulk replay runs in batches; its row keeps the filter and how far it got, so a restart resumes it.
CREATE TABLE replay_jobs (
    id               TEXT PRIMARY KEY,
    filter           TEXT   NOT NULL,   -- the filter as JSON, as the API reads it
    status           TEXT   NOT NULL,   -- running | completed
    total            BIGINT NOT NULL,   -- deliveries matched when the job was created
    queued           BIGINT NOT NULL DEFAULT 0,
    created_before   BIGINT NOT NULL,   -- only deliveries created before the job are replayed
    after_created_at BIGINT,            -- keyset position: the last delivery replayed
    after_id         TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    finished_at      BIGINT
);

CREATE INDEX replay_jobs_running ON replay_jobs (status, created_at);
