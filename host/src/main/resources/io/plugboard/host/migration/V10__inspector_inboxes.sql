-- The request inspector's inboxes, shared by every instance on this database. Bounded by the host,
-- since anyone holding an inbox's URL can post to it: at most 20 open inboxes (one per slot, so the
-- unique slot caps them even when instances create at the same time), each open for 24 hours and
-- keeping its last 50 requests with bodies cut at 64 KB. loopback_url is what the creating instance
-- gave webhooks of this host to deliver there; every instance delivers exactly that URL in-process.
CREATE TABLE inspector_inboxes (
    id           TEXT    PRIMARY KEY,
    slot         INTEGER NOT NULL UNIQUE,
    label        TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    loopback_url TEXT    NOT NULL,
    received     INTEGER NOT NULL DEFAULT 0    -- requests received in all; the last one's number
);

CREATE INDEX inspector_inboxes_by_expiry ON inspector_inboxes (expires_at);

CREATE TABLE inspector_requests (
    inbox_id       TEXT     NOT NULL REFERENCES inspector_inboxes (id) ON DELETE CASCADE,
    number         INTEGER  NOT NULL,
    received_at    BIGINT   NOT NULL,
    method         TEXT     NOT NULL,
    path           TEXT     NOT NULL,
    query          TEXT,
    headers        TEXT     NOT NULL,          -- JSON object: lower-case name to its values, as received
    body           ${bytes} NOT NULL,          -- at most the first 64 KB
    body_bytes     BIGINT   NOT NULL,          -- the length of the whole body
    truncated      BOOLEAN  NOT NULL,
    remote_address TEXT,
    PRIMARY KEY (inbox_id, number)
);
