-- Recurring direct bookings: the occurrences of one weekly series share its id, so that the series
-- is read and the rest of it cancelled together. A booking made alone has none.

ALTER TABLE bookings ADD COLUMN series_id uuid;

CREATE INDEX bookings_series_idx ON bookings (series_id) WHERE series_id IS NOT NULL;

-- Moving a booking: move_booking gives a confirmed booking a new time, resources, title and
-- participants at the version read, in one statement, under the locks insert_booking takes (its
-- cohorts, then through write_booking_blocks its resources and what contains them), and checks
-- what insert_booking checks: PXC01 a cohort is booked elsewhere then, PXR01 a resource is retired,
-- PXM01 maintenance then; the exclusion constraints (23P01) referee the new blocks and the
-- instructors' new time. Returns the new version, or NULL when the booking was not confirmed at
-- that version. Its old blocks go first, so a booking moved by an hour does not clash with itself.
CREATE FUNCTION move_booking(
    p_id uuid, p_version integer, p_title text, p_during tstzrange, p_participants integer, p_resources uuid[],
    p_stations integer[])
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    b       bookings%ROWTYPE;
    retired text;
BEGIN
    SELECT * INTO b FROM bookings WHERE id = p_id AND version = p_version AND status = 'confirmed' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM cohorts WHERE id IN (SELECT cohort_id FROM booking_cohorts WHERE booking_id = p_id) ORDER BY id FOR UPDATE;
    IF EXISTS (
        SELECT 1 FROM booking_cohorts mine
        JOIN booking_cohorts c ON c.cohort_id = mine.cohort_id AND c.booking_id <> p_id
        JOIN bookings o ON o.id = c.booking_id
        WHERE mine.booking_id = p_id AND o.status = 'confirmed' AND o.during && p_during
          AND NOT (o.request_id = b.request_id AND o.group_number IS NOT NULL AND b.group_number IS NOT NULL
                   AND o.group_count = b.group_count AND o.group_number <> b.group_number))
    THEN
        RAISE EXCEPTION 'a cohort of the booking is already booked at that time' USING ERRCODE = 'PXC01';
    END IF;
    DELETE FROM booking_blocks WHERE booking_id = p_id;
    DELETE FROM booking_resources WHERE booking_id = p_id;
    UPDATE bookings SET title = p_title, during = p_during, participants = p_participants, version = p_version + 1
    WHERE id = p_id;
    UPDATE booking_instructors SET during = p_during WHERE booking_id = p_id;
    INSERT INTO booking_resources (booking_id, resource_id, stations)
    SELECT p_id, u.resource_id, nullif(u.stations, 0) FROM unnest(p_resources, p_stations) AS u (resource_id, stations);
    PERFORM write_booking_blocks(p_id);
    SELECT name INTO retired FROM resources WHERE id = ANY(p_resources) AND status = 'retired' ORDER BY name LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '% is retired.', retired USING ERRCODE = 'PXR01';
    END IF;
    IF EXISTS (
        SELECT 1 FROM maintenance_windows
        WHERE during && p_during AND resource_id IN (
            SELECT a.resource_id FROM unnest(p_resources) AS w (id), resource_ancestors(w.id) AS a
            UNION
            SELECT d.resource_id FROM unnest(p_resources) AS w (id), resource_descendants(w.id) AS d))
    THEN
        RAISE EXCEPTION 'a booked resource, what contains it or what it contains is under maintenance at that time' USING ERRCODE = 'PXM01';
    END IF;
    RETURN p_version + 1;
END
$$;
