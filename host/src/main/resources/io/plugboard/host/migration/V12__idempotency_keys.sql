-- Idempotency keys of emitted events (the Idempotency-Key header, a batch event's idempotency_key,
-- Plugboard.emitOnce): a key given again within 24 hours answers with the event it first stored
-- instead of storing another. Written in the same transaction as that event; the primary key is
-- what makes two instances racing with one key end with one event (the second waits on it, then
-- reads the first's row). fingerprint: SHA-256 of the event's type and data, to refuse a key reused
-- for a different event. No foreign key to events: retention may remove an event before its key.
CREATE TABLE idempotency_keys (
    idempotency_key TEXT PRIMARY KEY,
    event_id        TEXT   NOT NULL,
    fingerprint     TEXT   NOT NULL,
    created_at      BIGINT NOT NULL
);

-- The purge of keys past their window.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
