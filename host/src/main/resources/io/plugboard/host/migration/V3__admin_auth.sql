-- Admin users, their sessions and API tokens. Secrets are stored only as hashes.

CREATE TABLE admin_users (
    id            TEXT PRIMARY KEY,
    username      TEXT   NOT NULL UNIQUE,
    password_hash TEXT   NOT NULL,          -- Argon2id, encoded
    created_at    BIGINT NOT NULL
);

CREATE TABLE admin_sessions (
    id_hash      TEXT PRIMARY KEY,          -- SHA-256 of the cookie value
    user_id      TEXT   NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    csrf_token   TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT   NOT NULL,
    prefix       TEXT   NOT NULL,           -- shown in lists, e.g. pbk_3HF7
    token_hash   TEXT   NOT NULL UNIQUE,    -- SHA-256 of the whole token
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
