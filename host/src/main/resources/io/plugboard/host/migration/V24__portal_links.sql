-- The customer portal (portal.PortalLinks, portal.PortalSessions). Portable SQL (SQLite and PostgreSQL 15).
-- A portal link is a single-use magic link for one application: only the SHA-256 of its random token is kept.
-- Opening it sets used_at (once: the UPDATE matches only an unused, unexpired row) and starts a portal session,
-- whose cookie value is likewise kept only as its SHA-256. Neither is tied to applications by a foreign key
-- (see V23); both are deleted with their application, and expired rows are swept when new ones are written.

CREATE TABLE portal_links (
    token_hash TEXT PRIMARY KEY,
    app_id     TEXT    NOT NULL,
    read_only  BOOLEAN NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT,
    created_at BIGINT  NOT NULL
);
CREATE INDEX portal_links_by_expiry ON portal_links (expires_at);

CREATE TABLE portal_sessions (
    id_hash    TEXT PRIMARY KEY,
    app_id     TEXT    NOT NULL,
    read_only  BOOLEAN NOT NULL,
    csrf_token TEXT    NOT NULL,
    expires_at BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX portal_sessions_by_expiry ON portal_sessions (expires_at);
