-- Planner runs can be cancelled: a queued run at once, a running one by its worker at its next
-- heartbeat (cancel_requested_at tells it). Plan-event streams hold a leased row per open stream,
-- so the cap on a user's concurrent streams holds across every `praxis serve` process; a process
-- that dies leaves rows whose lease runs out.
ALTER TYPE plan_status ADD VALUE 'cancelled';

ALTER TABLE plans ADD COLUMN cancel_requested_at timestamptz;

-- the per-center limit on queued and running runs counts these
CREATE INDEX plans_active_idx ON plans (center_id) WHERE status IN ('queued', 'running');

CREATE TABLE plan_event_streams (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid        NOT NULL,
    plan_id      uuid        NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    lease_until  timestamptz NOT NULL
);

CREATE INDEX plan_event_streams_user_idx ON plan_event_streams (user_id, lease_until);
