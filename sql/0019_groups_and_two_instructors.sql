-- Groups of a class and two instructors (双师) on bookings.
--
-- second_instructor_id  an enterprise mentor beside the school teacher, or a second teacher for the
--                       students-per-instructor ratio; never the first instructor
-- group_number/count    which group of its class a booking holds (第1组 / group 1 of 2); existing bookings
--                       hold their whole class (NULL)
-- booking_instructors   every instructor of a confirmed booking, first or second, with the booking's time:
--                       an instructor is in one place at a time, whichever of the two they are (the exclusion
--                       constraint on bookings sees one column only). Filled from the existing confirmed
--                       bookings; a cancellation frees the rows (trigger).
-- insert_booking        takes the second instructor and the group (both left out: none); sibling groups of one
--                       request (different group numbers) may hold their class at the same time, nothing else may.
ALTER TABLE bookings
    ADD COLUMN second_instructor_id uuid REFERENCES instructors (id),
    ADD COLUMN group_number smallint,
    ADD COLUMN group_count smallint,
    ADD CONSTRAINT bookings_group_check
        CHECK ((group_number IS NULL) = (group_count IS NULL) AND (group_number IS NULL OR group_number BETWEEN 1 AND group_count)),
    ADD CONSTRAINT bookings_second_instructor_check
        CHECK (second_instructor_id IS NULL OR (instructor_id IS NOT NULL AND second_instructor_id <> instructor_id));

CREATE TABLE booking_instructors (
    booking_id     uuid      NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    instructor_id  uuid      NOT NULL REFERENCES instructors (id),
    during         tstzrange NOT NULL,
    PRIMARY KEY (booking_id, instructor_id),
    CONSTRAINT booking_instructors_overlap EXCLUDE USING gist (instructor_id WITH =, during WITH &&)
);

INSERT INTO booking_instructors (booking_id, instructor_id, during)
SELECT id, instructor_id, during FROM bookings WHERE status = 'confirmed' AND instructor_id IS NOT NULL;

CREATE FUNCTION free_booking_instructors() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM booking_instructors WHERE booking_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER bookings_free_instructors
    AFTER UPDATE OF status ON bookings
    FOR EACH ROW WHEN (NEW.status = 'cancelled')
    EXECUTE FUNCTION free_booking_instructors();

DROP FUNCTION insert_booking(uuid, uuid, uuid, uuid, category, text, tstzrange, uuid, integer, uuid[], integer[], uuid[]);

CREATE FUNCTION insert_booking(
    p_id uuid, p_center uuid, p_organization uuid, p_request uuid, p_category category, p_title text, p_during tstzrange,
    p_instructor uuid, p_participants integer, p_resources uuid[], p_stations integer[], p_cohorts uuid[],
    p_second_instructor uuid DEFAULT NULL, p_group_number integer DEFAULT NULL, p_group_count integer DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    retired text;
BEGIN
    IF cardinality(p_cohorts) > 0 THEN
        PERFORM 1 FROM cohorts WHERE id = ANY(p_cohorts) ORDER BY id FOR UPDATE;
        IF EXISTS (
            SELECT 1 FROM booking_cohorts c JOIN bookings b ON b.id = c.booking_id
            WHERE c.cohort_id = ANY(p_cohorts) AND b.status = 'confirmed' AND b.during && p_during
              AND NOT (b.request_id = p_request AND b.group_number IS NOT NULL AND p_group_number IS NOT NULL
                       AND b.group_count = p_group_count AND b.group_number <> p_group_number))
        THEN
            RAISE EXCEPTION 'a cohort of the booking is already booked at that time' USING ERRCODE = 'PXC01';
        END IF;
    END IF;
    INSERT INTO bookings (id, center_id, organization_id, request_id, category, title, during, instructor_id, participants,
                          second_instructor_id, group_number, group_count)
    VALUES (p_id, p_center, p_organization, p_request, p_category, p_title, p_during, p_instructor, p_participants,
            p_second_instructor, p_group_number, p_group_count);
    INSERT INTO booking_instructors (booking_id, instructor_id, during)
    SELECT p_id, i, p_during FROM unnest(ARRAY[p_instructor, p_second_instructor]) AS i WHERE i IS NOT NULL;
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
