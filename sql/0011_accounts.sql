-- Who may do what, and what they did: accounts with roles, API tokens, browser sessions, login
-- attempts (for throttling), the append-only audit trail, and idempotency keys of POSTs.
-- Secrets are never stored: tokens and session cookies as SHA-256 hashes, passwords as bcrypt.
CREATE TYPE role AS ENUM (
    'admin',                   -- consortium-wide
    'center_manager',          -- one center (center_id)
    'school_coordinator',      -- the user's own organization
    'enterprise_coordinator',  -- the user's own organization
    'instructor',              -- one instructor's timetable (instructor_id)
    'auditor'                  -- reads everything but secrets, changes nothing
);

CREATE TABLE users (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    username         text        NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name     text        NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    password_hash    text,       -- bcrypt; NULL: the user signs in with API tokens only
    disabled         boolean     NOT NULL DEFAULT false,
    version          integer     NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_username_unique UNIQUE (username)
);

CREATE INDEX users_organization_idx ON users (organization_id);

CREATE TABLE role_grants (
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role           role NOT NULL,
    center_id      uuid REFERENCES centers (id),
    instructor_id  uuid REFERENCES instructors (id),
    CONSTRAINT role_grants_center CHECK ((role = 'center_manager') = (center_id IS NOT NULL)),
    CONSTRAINT role_grants_instructor CHECK ((role = 'instructor') = (instructor_id IS NOT NULL)),
    CONSTRAINT role_grants_unique UNIQUE NULLS NOT DISTINCT (user_id, role, center_id, instructor_id)
);

-- A bearer token: shown once when created, kept as its SHA-256. `role` narrows it to one of the
-- user's roles. Revocation is a timestamp checked on every request, so it takes effect at once.
CREATE TABLE api_tokens (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    secret_hash   bytea       NOT NULL CHECK (length(secret_hash) = 32),
    role          role,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_tokens_secret_unique UNIQUE (secret_hash)
);

CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at);

-- A browser session: the cookie's SHA-256 and the CSRF token the browser must echo in
-- X-CSRF-Token on every state-changing request.
CREATE TABLE browser_sessions (
    secret_hash  bytea       PRIMARY KEY CHECK (length(secret_hash) = 32),
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE INDEX browser_sessions_user_idx ON browser_sessions (user_id);
CREATE INDEX browser_sessions_expires_idx ON browser_sessions (expires_at);

-- Every password login, kept for a day: repeated failures for a username, and too many attempts
-- from one client address, are answered 429 until the window has passed.
CREATE TABLE login_attempts (
    id         bigserial   PRIMARY KEY,
    username   text        NOT NULL,
    client     text        NOT NULL,
    succeeded  boolean     NOT NULL,
    at         timestamptz NOT NULL
);

CREATE INDEX login_attempts_username_idx ON login_attempts (username, at);
CREATE INDEX login_attempts_client_idx ON login_attempts (client, at);
CREATE INDEX login_attempts_at_idx ON login_attempts (at);

-- The audit trail: one row per mutation, written in the mutation's own transaction. Rows cannot
-- be changed or removed: the triggers below refuse UPDATE, DELETE and TRUNCATE for everyone
-- but a superuser who drops them (deployments run the service as a role that owns nothing; see
-- docs/security.md).
CREATE TABLE audit_log (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    user_id    uuid        REFERENCES users (id),        -- NULL: the system (CLI, seed)
    token_id   uuid        REFERENCES api_tokens (id),   -- NULL: a browser session or the CLI
    action     text        NOT NULL CHECK (action ~ '^[a-z][a-z_]{0,63}$'),
    entity     text        NOT NULL CHECK (entity ~ '^[a-z][a-z_]{0,63}$'),
    entity_id  text        NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
    before     jsonb       CHECK (jsonb_typeof(before) = 'object'),  -- changed fields only
    after      jsonb       CHECK (jsonb_typeof(after) = 'object')
);

CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The first answer to a POST that carried an Idempotency-Key, per principal. A row without a
-- status is a request still in flight. Rows older than 24 hours are expired: reclaimed by the
-- next request with the same key, and purged.
CREATE TABLE idempotency_keys (
    principal   text        NOT NULL,
    key         text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    method      text        NOT NULL,
    path        text        NOT NULL,
    body_hash   bytea       NOT NULL CHECK (length(body_hash) = 32),
    status      integer     CHECK (status BETWEEN 100 AND 599),
    headers     jsonb       CHECK (jsonb_typeof(headers) = 'array'),
    body        bytea,
    replayable  boolean     NOT NULL DEFAULT true,  -- false: the answer held a secret and was not kept
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
