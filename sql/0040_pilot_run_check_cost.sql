-- check_pilot_runs (sql/0038) ran on every booking: it took a per-center advisory lock and looked for
-- pilot runs around the booking (20-40 ms a booking planned fresh; from a session's sixth call
-- PL/pgSQL's generic plan for "any bookings" took seconds, and direct booking fell from 400 to 0
-- bookings/s under scripts/bench-booking). Now it first asks whether any pilot-production request of
-- the bookings' centers asks for a changeover or an exclusive hall (most centers, most of the time,
-- none): only then does it lock and look, planned for the bookings at hand. Race-safe as before: a
-- run's request is committed before its bookings are written, so a booking written beside a run's
-- sees the request, takes the lock and is checked after it.
CREATE OR REPLACE FUNCTION check_pilot_runs(p_bookings uuid[])
RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    place record;
    hit   record;
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM requests q
        WHERE q.center_id IN (SELECT b.center_id FROM bookings b WHERE b.id = ANY (p_bookings))
          AND q.category = 'pilot_production'
          AND (q.details ->> 'exclusiveHall' = 'true'
               OR coalesce((q.details ->> 'changeoverBeforeMinutes')::int, 0) > 0
               OR coalesce((q.details ->> 'changeoverAfterMinutes')::int, 0) > 0)
    ) THEN
        RETURN;
    END IF;
    FOR place IN SELECT DISTINCT center_id FROM bookings WHERE id = ANY (p_bookings) ORDER BY center_id LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('pilot runs ' || place.center_id, 0));
    END LOOP;
    SELECT * INTO hit FROM pilot_run_conflicts(p_bookings) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'a pilot run keeps that time free' USING ERRCODE = 'PXP01',
            DETAIL = hit.rule || ' ' || hit.run_id || ' ' || hit.other_id;
    END IF;
END
$$;
