-- Concurrent bookings of one resource used to race on the exclusion constraints, and two
-- transactions inserting clashing blocks can deadlock there (each waits for the other to end).
-- write_booking_blocks now first locks every resource a booking touches, itself and everything
-- above it, in id order in one statement: bookings of one resource (or of machines of one
-- workshop) take turns, and the later one meets the constraint with the earlier committed.
CREATE OR REPLACE FUNCTION write_booking_blocks(target uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    b          bookings%ROWTYPE;
    used       RECORD;
    r          resources%ROWTYPE;
    taken      integer;
    contained  constant bigint := 4611686018427387904;  -- 2^62: lanes of "contained" blocks
BEGIN
    SELECT * INTO STRICT b FROM bookings WHERE id = target;
    PERFORM 1 FROM resources
    WHERE id IN (SELECT a.resource_id FROM booking_resources br, resource_ancestors(br.resource_id) a WHERE br.booking_id = target)
    ORDER BY id
    FOR NO KEY UPDATE;
    FOR used IN
        SELECT br.resource_id, br.stations FROM booking_resources br WHERE br.booking_id = target ORDER BY br.resource_id
    LOOP
        SELECT * INTO STRICT r FROM resources WHERE id = used.resource_id;
        IF used.stations IS NULL THEN
            INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, lane)
            VALUES (target, r.id, 'occupancy', b.during, int8range(NULL, NULL));
        ELSE
            INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, lane)
            SELECT target, r.id, 'occupancy', b.during, int8range(station, station + 1)
            FROM generate_series(0, r.seats - 1) AS station
            WHERE NOT EXISTS (
                SELECT 1 FROM booking_blocks o
                WHERE o.resource_id = r.id AND o.purpose = 'occupancy' AND o.during && b.during
                  AND o.lane && int8range(station, station + 1))
            ORDER BY station
            LIMIT used.stations;
            GET DIAGNOSTICS taken = ROW_COUNT;
            IF taken < used.stations THEN
                RAISE EXCEPTION 'only % of the % stations asked for are free on resource %', taken, used.stations, r.id
                    USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'booking_blocks_occupancy';
            END IF;
        END IF;
        INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, lane)
        SELECT target, a.resource_id, 'occupancy', b.during, int8range(contained + b.lane, contained + b.lane + 1)
        FROM resource_ancestors(r.id) a WHERE a.depth > 0;
        INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, category, role)
        VALUES (target, r.id, 'changeover', b.during, array_position(enum_range(NULL::category), b.category), 0);
        INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, category, role)
        SELECT target, r.id, 'changeover',
               tstzrange(upper(b.during), upper(b.during) + make_interval(mins => c.minutes)),
               array_position(enum_range(NULL::category), c.to_category), 1
        FROM changeover_rules c
        WHERE c.center_id = b.center_id AND c.resource_kind = r.kind AND c.from_category = b.category AND c.minutes > 0;
    END LOOP;
END
$$;

-- A resource and every resource below it (itself at depth 0): what a refused booking may have
-- clashed with, besides what lies above.
CREATE FUNCTION resource_descendants(start uuid)
RETURNS TABLE (resource_id uuid, depth integer)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE down (resource_id, depth) AS (
        SELECT start, 0
        UNION ALL
        SELECT r.id, down.depth + 1 FROM resources r JOIN down ON r.parent_id = down.resource_id
        WHERE down.depth < 16
    )
    SELECT resource_id, depth FROM down
$$;
