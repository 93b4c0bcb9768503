-- A direct booking's writes in one statement, so that the service sends them and their audit row
-- in one round trip (one pipeline, one transaction). insert_booking now takes the id the caller
-- made, and makes under its own locks the checks the service made in statements of their own:
--   PXC01  a cohort of the booking is booked at that time (the cohorts are locked in id order first);
--   PXR01  a booked resource is retired (the message names the first, by name);
--   PXM01  a booked resource, what contains it or what it contains is under maintenance then.
-- The resource checks come after write_booking_blocks has locked the resources and their
-- ancestors, so a retirement or maintenance window committed meanwhile is seen.
DROP FUNCTION insert_booking(uuid, uuid, uuid, category, text, tstzrange, uuid, integer, uuid[], integer[], uuid[]);

CREATE FUNCTION insert_booking(
    p_id uuid, p_center uuid, p_organization uuid, p_request uuid, p_category category, p_title text, p_during tstzrange,
    p_instructor uuid, p_participants integer, p_resources uuid[], p_stations integer[], p_cohorts uuid[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    retired text;
BEGIN
    IF cardinality(p_cohorts) > 0 THEN
        PERFORM 1 FROM cohorts WHERE id = ANY(p_cohorts) ORDER BY id FOR UPDATE;
        IF EXISTS (
            SELECT 1 FROM booking_cohorts c JOIN bookings b ON b.id = c.booking_id
            WHERE c.cohort_id = ANY(p_cohorts) AND b.status = 'confirmed' AND b.during && p_during)
        THEN
            RAISE EXCEPTION 'a cohort of the booking is already booked at that time' USING ERRCODE = 'PXC01';
        END IF;
    END IF;
    INSERT INTO bookings (id, center_id, organization_id, request_id, category, title, during, instructor_id, participants)
    VALUES (p_id, p_center, p_organization, p_request, p_category, p_title, p_during, p_instructor, p_participants);
    INSERT INTO booking_resources (booking_id, resource_id, stations)
    SELECT p_id, u.resource_id, nullif(u.stations, 0) FROM unnest(p_resources, p_stations) AS u (resource_id, stations);
    INSERT INTO booking_cohorts (booking_id, cohort_id) SELECT p_id, c FROM unnest(p_cohorts) AS c;
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
END
$$;
