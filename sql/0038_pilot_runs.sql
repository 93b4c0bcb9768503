-- Pilot runs as production works: what a run's request asks beyond its own line's occupancy,
-- refereed on every booking written by the booking service (direct, series, moved).
--
-- changeover     the request's changeoverBeforeMinutes / changeoverAfterMinutes keep the run's
--                resources (with what contains them and what they contain) free of every other
--                booking before the run's first booking and after its last one;
-- exclusive hall with details.exclusiveHall, no booking of another organization may use the
--                hall holding the run's resources (the resource containing each, its parent:
--                anything inside it, or above it) while a day of the run lasts.
-- A center's policy may let its pilot runs go on through closed days and holidays (the planner reads it).
ALTER TABLE center_policies ADD COLUMN pilot_runs_through_closures boolean NOT NULL DEFAULT false;

-- The hall of a resource: what contains it (its parent), else the resource itself.
CREATE FUNCTION resource_hall(p_resource uuid)
RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT coalesce(parent_id, id) FROM resources WHERE id = p_resource
$$;

-- The resources a booking of `p_resource` touches: itself, what contains it and what it contains.
CREATE FUNCTION resource_family(p_resource uuid)
RETURNS TABLE (resource_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT a.resource_id FROM resource_ancestors(p_resource) AS a
    UNION
    SELECT d.resource_id FROM resource_descendants(p_resource) AS d
$$;

-- Pairs (run booking, other booking, rule) that break a pilot run's changeover or exclusive hall,
-- one of the two among `p_bookings`. Runs are looked for within three days of those bookings
-- (a changeover is at most two days long).
CREATE FUNCTION pilot_run_conflicts(p_bookings uuid[])
RETURNS TABLE (run_id uuid, other_id uuid, rule text)
LANGUAGE sql STABLE AS $$
    WITH fresh AS (
        SELECT center_id, min(lower(during)) - interval '3 days' AS first, max(upper(during)) + interval '3 days' AS last
        FROM bookings WHERE id = ANY (p_bookings) AND status = 'confirmed' GROUP BY center_id
    ), runs AS (
        SELECT r.id, r.center_id, r.organization_id, r.request_id, r.during,
               make_interval(mins => coalesce((q.details ->> 'changeoverBeforeMinutes')::int, 0)) AS before,
               make_interval(mins => coalesce((q.details ->> 'changeoverAfterMinutes')::int, 0)) AS after,
               coalesce((q.details ->> 'exclusiveHall')::boolean, false) AS exclusive_hall,
               x.first, x.last
        FROM fresh f
        JOIN bookings r ON r.center_id = f.center_id AND r.during && tstzrange(f.first, f.last)
        JOIN requests q ON q.id = r.request_id
        CROSS JOIN LATERAL (
            SELECT min(lower(o.during)) AS first, max(upper(o.during)) AS last FROM bookings o
            WHERE o.request_id = r.request_id AND o.status = 'confirmed') AS x
        WHERE r.status = 'confirmed' AND r.category = 'pilot_production'
          AND (q.details ->> 'exclusiveHall' = 'true' OR coalesce((q.details ->> 'changeoverBeforeMinutes')::int, 0) > 0
               OR coalesce((q.details ->> 'changeoverAfterMinutes')::int, 0) > 0)
    )
    SELECT r.id, o.id, c.rule
    FROM runs r
    JOIN bookings o ON o.center_id = r.center_id AND o.status = 'confirmed' AND o.id <> r.id
                   AND o.request_id IS DISTINCT FROM r.request_id
                   AND o.during && tstzrange(lower(r.during) - r.before, upper(r.during) + r.after)
    CROSS JOIN LATERAL (
        SELECT 'changeover' AS rule
        WHERE ((lower(r.during) = r.first AND o.during && tstzrange(r.first - r.before, r.first))
               OR (upper(r.during) = r.last AND o.during && tstzrange(r.last, r.last + r.after)))
          AND EXISTS (
              SELECT 1 FROM booking_resources ro, booking_resources rr, resource_family(rr.resource_id) AS fam
              WHERE ro.booking_id = o.id AND rr.booking_id = r.id AND fam.resource_id = ro.resource_id)
        UNION ALL
        SELECT 'exclusiveHall'
        WHERE r.exclusive_hall AND o.organization_id <> r.organization_id AND o.during && r.during
          AND EXISTS (
              SELECT 1 FROM booking_resources ro, booking_resources rr,
                            resource_family(resource_hall(rr.resource_id)) AS fam
              WHERE ro.booking_id = o.id AND rr.booking_id = r.id AND fam.resource_id = ro.resource_id)
    ) AS c
    WHERE r.id = ANY (p_bookings) OR o.id = ANY (p_bookings)
$$;

-- Refuses the bookings `p_bookings` (just written in this transaction) when one of them breaks a
-- pilot run's changeover or exclusive hall, or is a run whose changeover or hall another booking
-- breaks: SQLSTATE PXP01, DETAIL 'rule run-booking-id other-booking-id'. Takes a transaction-scoped
-- advisory lock per center first, so that a run and a booking written at once are checked one
-- after the other: the second sees the first.
CREATE FUNCTION check_pilot_runs(p_bookings uuid[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    place record;
    hit   record;
BEGIN
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
