-- The dashboard's numbers, aggregated per minute so that a long history reads in a few milliseconds.
-- minute_at: epoch milliseconds of the minute's start (UTC). Rows are only ever added to with an upsert
-- (INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n), so two instances recording attempts of the
-- same minute add up instead of overwriting each other. Pruned with the delivery retention.
-- Portable SQL (SQLite and PostgreSQL 15).

-- Attempts per minute and webhook, by what came of them: succeeded; failed and retried later; failed
-- for good (retries exhausted, given up or gone). latency_00..latency_19: how many attempts took a time
-- within each bucket of delivery.LatencyBuckets (fixed bounds; the percentiles are read from the sums).
CREATE TABLE attempt_minutes (
    minute_at  BIGINT NOT NULL,
    webhook_id TEXT   NOT NULL,
    succeeded  BIGINT NOT NULL DEFAULT 0,
    retried    BIGINT NOT NULL DEFAULT 0,
    failed     BIGINT NOT NULL DEFAULT 0,
    latency_00 BIGINT NOT NULL DEFAULT 0,
    latency_01 BIGINT NOT NULL DEFAULT 0,
    latency_02 BIGINT NOT NULL DEFAULT 0,
    latency_03 BIGINT NOT NULL DEFAULT 0,
    latency_04 BIGINT NOT NULL DEFAULT 0,
    latency_05 BIGINT NOT NULL DEFAULT 0,
    latency_06 BIGINT NOT NULL DEFAULT 0,
    latency_07 BIGINT NOT NULL DEFAULT 0,
    latency_08 BIGINT NOT NULL DEFAULT 0,
    latency_09 BIGINT NOT NULL DEFAULT 0,
    latency_10 BIGINT NOT NULL DEFAULT 0,
    latency_11 BIGINT NOT NULL DEFAULT 0,
    latency_12 BIGINT NOT NULL DEFAULT 0,
    latency_13 BIGINT NOT NULL DEFAULT 0,
    latency_14 BIGINT NOT NULL DEFAULT 0,
    latency_15 BIGINT NOT NULL DEFAULT 0,
    latency_16 BIGINT NOT NULL DEFAULT 0,
    latency_17 BIGINT NOT NULL DEFAULT 0,
    latency_18 BIGINT NOT NULL DEFAULT 0,
    latency_19 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (minute_at, webhook_id)
);

-- One webhook's charts.
CREATE INDEX attempt_minutes_by_webhook ON attempt_minutes (webhook_id, minute_at);

-- The same per hour, written with the minutes (same upsert), for the ranges of a day and a week: a week
-- of 20 webhooks is 3,360 rows here against 201,600 minutes.
CREATE TABLE attempt_hours (
    hour_at    BIGINT NOT NULL,
    webhook_id TEXT   NOT NULL,
    succeeded  BIGINT NOT NULL DEFAULT 0,
    retried    BIGINT NOT NULL DEFAULT 0,
    failed     BIGINT NOT NULL DEFAULT 0,
    latency_00 BIGINT NOT NULL DEFAULT 0,
    latency_01 BIGINT NOT NULL DEFAULT 0,
    latency_02 BIGINT NOT NULL DEFAULT 0,
    latency_03 BIGINT NOT NULL DEFAULT 0,
    latency_04 BIGINT NOT NULL DEFAULT 0,
    latency_05 BIGINT NOT NULL DEFAULT 0,
    latency_06 BIGINT NOT NULL DEFAULT 0,
    latency_07 BIGINT NOT NULL DEFAULT 0,
    latency_08 BIGINT NOT NULL DEFAULT 0,
    latency_09 BIGINT NOT NULL DEFAULT 0,
    latency_10 BIGINT NOT NULL DEFAULT 0,
    latency_11 BIGINT NOT NULL DEFAULT 0,
    latency_12 BIGINT NOT NULL DEFAULT 0,
    latency_13 BIGINT NOT NULL DEFAULT 0,
    latency_14 BIGINT NOT NULL DEFAULT 0,
    latency_15 BIGINT NOT NULL DEFAULT 0,
    latency_16 BIGINT NOT NULL DEFAULT 0,
    latency_17 BIGINT NOT NULL DEFAULT 0,
    latency_18 BIGINT NOT NULL DEFAULT 0,
    latency_19 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (hour_at, webhook_id)
);

CREATE INDEX attempt_hours_by_webhook ON attempt_hours (webhook_id, hour_at);

-- Events emitted per minute and type (counted after their transaction committed), and per hour.
CREATE TABLE event_minutes (
    minute_at  BIGINT NOT NULL,
    event_type TEXT   NOT NULL,
    emitted    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (minute_at, event_type)
);

CREATE TABLE event_hours (
    hour_at    BIGINT NOT NULL,
    event_type TEXT   NOT NULL,
    emitted    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (hour_at, event_type)
);

-- The queue's depth and its oldest due delivery, without reading the finished history.
CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE status = 'pending';
