-- One job queue and the outbox of notices.
--
-- `jobs` is the one PostgreSQL job queue of every `praxis serve` process: a row per job of a
-- kind (`plan`, `email`, `webhook`, and later scheduled jobs), due at `run_at`, claimed with
-- `FOR UPDATE SKIP LOCKED` under a lease (`lease_until`) its worker renews while it works. A job
-- whose lease ran out is claimed again by any worker while attempts remain, then it is `dead`;
-- a failed attempt waits an exponential back-off before the next. `dedup_key` makes enqueueing
-- idempotent per kind.
--
-- `notices` is the outbox: one row per recipient user, written in the transaction of the change
-- it tells, rendered in the recipient's language; `deliveries` are its e-mails and the webhook
-- calls of the organization's subscribers, each worked by one job and sent with its own id
-- (Message-ID, X-Praxis-Delivery) so that a retry is recognisable.
--
-- Plan runs move onto `jobs`: every queued plan gets its `plan` job here; a running plan keeps
-- its worker and lease on its job, so a worker started after this migration still finds it and
-- declares it lost when its lease runs out.

CREATE TYPE job_status AS ENUM ('queued', 'running', 'done', 'dead');

CREATE TABLE jobs (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    kind          text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{0,39}$'),
    payload       jsonb       NOT NULL DEFAULT '{}',
    dedup_key     text        CHECK (length(dedup_key) BETWEEN 1 AND 200),
    status        job_status  NOT NULL DEFAULT 'queued',
    run_at        timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 0,
    max_attempts  integer     NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
    lease_until   timestamptz,
    worker        text,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    CONSTRAINT jobs_lease CHECK ((status = 'running') = (lease_until IS NOT NULL)),
    CONSTRAINT jobs_dedup_unique UNIQUE (kind, dedup_key)
);

CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE status = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (lease_until) WHERE status = 'running';

INSERT INTO jobs (kind, payload, dedup_key, status, run_at, attempts, max_attempts, lease_until, worker, started_at,
                  created_at)
SELECT 'plan', jsonb_build_object('plan', id), id::text,
       CASE WHEN status = 'running' THEN 'running' ELSE 'queued' END::job_status,
       created_at, CASE WHEN status = 'running' THEN 1 ELSE 0 END, 1,
       CASE WHEN status = 'running' THEN coalesce(lease_until, now()) END,
       CASE WHEN status = 'running' THEN worker END, started_at, created_at
FROM plans WHERE status IN ('queued', 'running');

-- What a user wants to be told, and how. No row: every event, in-app only, in Chinese.
CREATE TABLE notice_preferences (
    user_id        uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    language       text        NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
    email          text        CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    email_enabled  boolean     NOT NULL DEFAULT false,
    muted_events   text[]      NOT NULL DEFAULT '{}',
    version        integer     NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notice_preferences_email CHECK (NOT email_enabled OR email IS NOT NULL)
);

CREATE TABLE notices (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event            text        NOT NULL,
    center_id        uuid        REFERENCES centers (id),
    organization_id  uuid        REFERENCES organizations (id),
    entity           text        NOT NULL,
    entity_id        text        NOT NULL,
    language         text        NOT NULL CHECK (language IN ('zh-CN', 'en')),
    title            text        NOT NULL,
    body             text        NOT NULL,
    link             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    read_at          timestamptz
);

CREATE INDEX notices_user_idx ON notices (user_id, created_at DESC, id);
CREATE INDEX notices_unread_idx ON notices (user_id) WHERE read_at IS NULL;

-- An organization's webhook: where its events are POSTed, signed with `secret`.
CREATE TABLE webhook_subscriptions (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    url              text        NOT NULL CHECK (length(url) <= 2000 AND url ~ '^https?://[^[:space:]]+$'),
    secret           text        NOT NULL CHECK (length(secret) BETWEEN 16 AND 200),
    events           text[]      NOT NULL,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_subscriptions_organization_idx ON webhook_subscriptions (organization_id);

CREATE TABLE deliveries (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    channel          text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    notice_id        uuid        REFERENCES notices (id) ON DELETE CASCADE,
    subscription_id  uuid        REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event            text        NOT NULL,
    target           text        NOT NULL,
    body             jsonb,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    last_status      integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT deliveries_channel CHECK (
        (channel = 'email') = (notice_id IS NOT NULL) AND (channel = 'webhook') = (subscription_id IS NOT NULL))
);

CREATE INDEX deliveries_subscription_idx ON deliveries (subscription_id, created_at DESC);
