-- Rate limits per webhook (requests per second; NULL: the host's default, if any) and, for instances
-- sharing a PostgreSQL database, the one token bucket per webhook they all take from
-- (delivery.SharedBuckets; on SQLite the single instance keeps its buckets in memory). Portable SQL.

ALTER TABLE webhooks ADD COLUMN rate_limit ${double};

CREATE TABLE rate_buckets (
    webhook_id  TEXT PRIMARY KEY REFERENCES webhooks (id) ON DELETE CASCADE,
    tokens      ${double} NOT NULL,   -- requests that may start now
    refilled_at BIGINT    NOT NULL,   -- when tokens was counted (database clock); later while a Retry-After runs
    factor      ${double} NOT NULL,   -- the share of the limit a 429 left, 1 when not slowed
    slowed_at   BIGINT    NOT NULL    -- the last 429, 0 if none
);

-- Deliveries due at the same millisecond go out in the order they were made (ids sort by creation),
-- so the dispatcher's reads order by (next_attempt_at, id); this index serves them without a sort.
CREATE INDEX deliveries_due_in_order ON deliveries (webhook_id, status, next_attempt_at, id);
DROP INDEX deliveries_due;
