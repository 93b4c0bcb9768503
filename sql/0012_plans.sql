-- Planner runs: a manager asks the allocator to place a horizon's requests; any `praxis serve`
-- process claims the run (FOR UPDATE SKIP LOCKED), holds it under a lease it renews while the
-- solver works, and writes progress and the proposal back here. A run whose lease runs out
-- (its worker crashed) is marked failed by whichever worker notices first.
CREATE TYPE plan_status AS ENUM ('queued', 'running', 'succeeded', 'failed', 'published');

CREATE TABLE plans (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id      uuid        NOT NULL REFERENCES centers (id),
    status         plan_status NOT NULL DEFAULT 'queued',
    horizon        daterange   NOT NULL CHECK (NOT isempty(horizon) AND NOT lower_inf(horizon) AND NOT upper_inf(horizon)),
    request_ids    uuid[],     -- NULL: every submitted or planned request of the horizon, read when the run starts
    time_limit_ms  integer     NOT NULL CHECK (time_limit_ms BETWEEN 100 AND 600000),
    seed           bigint      NOT NULL DEFAULT 0,
    weights        jsonb       CHECK (weights IS NULL OR jsonb_typeof(weights) = 'object'),  -- NULL: the center's
    worker         text,       -- who holds (or held) the run
    attempts       integer     NOT NULL DEFAULT 0,
    lease_until    timestamptz,
    progress       jsonb,      -- the best score so far, unplaced sessions, steps, elapsed
    progress_seq   integer     NOT NULL DEFAULT 0,
    result         jsonb,      -- the proposal: assignments, unplaced with reasons, score by constraint, diff
    basis          jsonb,      -- what the run read: request versions, so publishing can tell what changed
    failure        text,
    version        integer     NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    published_at   timestamptz,
    CHECK ((status = 'running') = (lease_until IS NOT NULL))
);

CREATE INDEX plans_queue_idx ON plans (created_at) WHERE status = 'queued';
CREATE INDEX plans_lease_idx ON plans (lease_until) WHERE status = 'running';
CREATE INDEX plans_center_idx ON plans (center_id, created_at);

-- The bookings a published plan wrote, and which session of which request each one holds:
-- the published schedule that the next run starts from and is compared with.
CREATE TABLE request_bookings (
    booking_id  uuid    PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    request_id  uuid    NOT NULL REFERENCES requests (id),
    session     integer NOT NULL CHECK (session >= 0),  -- the session's position within its request
    plan_id     uuid    NOT NULL REFERENCES plans (id)
);

CREATE INDEX request_bookings_request_idx ON request_bookings (request_id, session);
