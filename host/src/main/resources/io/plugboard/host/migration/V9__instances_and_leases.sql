-- Several host instances sharing one database (PostgreSQL): who runs, which plugins each runs,
-- which instance holds which delivery, and which runs a once-per-cluster job.

CREATE TABLE instances (
    id           TEXT PRIMARY KEY,
    started_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,              -- heartbeat
    host_version TEXT   NOT NULL,
    queue_lag_ms BIGINT NOT NULL DEFAULT 0     -- age of the oldest due delivery it holds, at its last heartbeat
);

CREATE TABLE instance_plugins (
    instance_id TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    plugin_id   TEXT NOT NULL,
    version     TEXT NOT NULL,
    state       TEXT NOT NULL,
    PRIMARY KEY (instance_id, plugin_id)
);

-- A job that must run on one instance at a time (retention) is held until expires_at.
CREATE TABLE job_leases (
    name       TEXT PRIMARY KEY,
    owner      TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);

-- A pending delivery is claimed by one instance until lease_expires_at; the owner renews it while
-- it runs and clears it when the attempt is recorded. An expired lease may be taken by any instance.
ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;
ALTER TABLE deliveries ADD COLUMN lease_expires_at BIGINT;
CREATE INDEX deliveries_by_lease ON deliveries (lease_owner) WHERE lease_owner IS NOT NULL;
-- Queue lag: the oldest due pending delivery.
CREATE INDEX deliveries_pending_due ON deliveries (next_attempt_at) WHERE status = 'pending';
