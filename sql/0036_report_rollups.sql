-- Rollups of the reports (docs/reports.md, "Speed"): what the reports count, kept current by triggers
-- in the same statement (so the same transaction) as the bookings, session records and attendance
-- marks they count. Each rollup row is recounted from its source rows, never patched by a difference:
-- a statement that touches a session recounts that session, and one that touches a person's marks
-- recounts that person.
--
-- session_tallies       one row per confirmed booking: its start (as an instant and in the center's
--                       time zone), category, organization, instructors, resources, booked hours, hours
--                       (actual when recorded), the reason it did not take place, and whether it was
--                       used (held, with actual times or someone present or late).
-- session_mark_tallies  per confirmed booking and organization of the people marked: marks, absent,
--                       late and corrected marks, with the session's start, category, hours and
--                       held-ness, so that people trained and no-shows read no attendance_marks row.
-- participant_presence  per person, organization (of their marks), center and category: the local
--                       days on which they were present or late at a held session, as a multirange, so
--                       that distinct people trained in any period is a count of rows, not of marks.
CREATE TABLE session_tallies (
    booking_id            uuid            PRIMARY KEY,
    center_id             uuid            NOT NULL,
    starts_at             timestamptz     NOT NULL,
    local_start           timestamp       NOT NULL,
    local_end             timestamp       NOT NULL,
    category              category        NOT NULL,
    organization_id       uuid            NOT NULL,
    instructor_id         uuid,
    second_instructor_id  uuid,
    resource_ids          uuid[]          NOT NULL,
    booked                float8          NOT NULL,
    hours                 float8          NOT NULL,
    not_held_reason       not_held_reason,
    used                  boolean         NOT NULL
);
CREATE INDEX session_tallies_center_start_idx ON session_tallies (center_id, starts_at);

CREATE TABLE session_mark_tallies (
    booking_id       uuid     NOT NULL,
    organization_id  uuid     NOT NULL,
    center_id        uuid     NOT NULL,
    starts_at        timestamptz NOT NULL,
    category         category NOT NULL,
    held             boolean  NOT NULL,
    hours            float8   NOT NULL,
    marks            integer  NOT NULL,
    absent           integer  NOT NULL,
    late             integer  NOT NULL,
    corrected        integer  NOT NULL,
    PRIMARY KEY (booking_id, organization_id)
);
CREATE INDEX session_mark_tallies_center_start_idx ON session_mark_tallies (center_id, starts_at);

CREATE TABLE participant_presence (
    participant_id   uuid             NOT NULL,
    organization_id  uuid             NOT NULL,
    center_id        uuid             NOT NULL,
    category         category         NOT NULL,
    days             datemultirange   NOT NULL,
    PRIMARY KEY (participant_id, organization_id, center_id, category)
);
CREATE INDEX participant_presence_center_idx ON participant_presence (center_id);

-- Recounts the tallies of these bookings (dropping those no longer confirmed or gone) and the
-- presence of these people. Two transactions recounting the same booking or person take turns (an
-- advisory lock per id, in order; a whole-table lock for a bulk recount), so the second one counts
-- the first one's rows once it has committed.
CREATE FUNCTION recount_report_rollups(p_bookings uuid[], p_participants uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(p_bookings) + cardinality(p_participants) > 1000 THEN
        LOCK TABLE session_tallies, session_mark_tallies, participant_presence IN EXCLUSIVE MODE;
    ELSE
        PERFORM pg_advisory_xact_lock(key)
        FROM (SELECT DISTINCT hashtextextended(id::text, 36) AS key
              FROM unnest(p_bookings || p_participants) AS u (id) ORDER BY key) AS keys;
    END IF;
    IF cardinality(p_bookings) > 0 THEN
        DELETE FROM session_mark_tallies t USING unnest(p_bookings) AS u (id) WHERE t.booking_id = u.id;
        DELETE FROM session_tallies t USING unnest(p_bookings) AS u (id) WHERE t.booking_id = u.id;
        INSERT INTO session_tallies
        SELECT b.id, b.center_id, lower(b.during), lower(b.during) AT TIME ZONE c.time_zone,
               upper(b.during) AT TIME ZONE c.time_zone, b.category, b.organization_id, b.instructor_id,
               b.second_instructor_id,
               ARRAY(SELECT br.resource_id FROM booking_resources br WHERE br.booking_id = b.id ORDER BY br.resource_id),
               date_part('epoch', upper(b.during) - lower(b.during)) / 3600,
               date_part('epoch', coalesce(upper(r.actual) - lower(r.actual), upper(b.during) - lower(b.during))) / 3600,
               r.not_held_reason,
               r.not_held_reason IS NULL AND (r.actual IS NOT NULL OR EXISTS (
                   SELECT 1 FROM attendance_marks m WHERE m.booking_id = b.id AND m.mark <> 'absent'))
        FROM (SELECT DISTINCT id FROM unnest(p_bookings) AS u (id)) AS u
        JOIN bookings b ON b.id = u.id
        JOIN centers c ON c.id = b.center_id
        LEFT JOIN session_records r ON r.booking_id = b.id
        WHERE b.status = 'confirmed';
        INSERT INTO session_mark_tallies
        SELECT t.booking_id, m.organization_id, t.center_id, t.starts_at, t.category, t.not_held_reason IS NULL,
               t.hours, count(*), count(*) FILTER (WHERE m.mark = 'absent'), count(*) FILTER (WHERE m.mark = 'late'),
               count(*) FILTER (WHERE m.source = 'correction')
        FROM (SELECT DISTINCT id FROM unnest(p_bookings) AS u (id)) AS u
        JOIN session_tallies t ON t.booking_id = u.id
        JOIN attendance_marks m ON m.booking_id = t.booking_id
        GROUP BY t.booking_id, m.organization_id;
    END IF;
    IF cardinality(p_participants) > 0 THEN
        DELETE FROM participant_presence p USING unnest(p_participants) AS u (id) WHERE p.participant_id = u.id;
        INSERT INTO participant_presence
        SELECT m.participant_id, m.organization_id, t.center_id, t.category,
               range_agg(daterange(t.local_start::date, t.local_start::date + 1))
        FROM (SELECT DISTINCT id FROM unnest(p_participants) AS u (id)) AS u
        JOIN attendance_marks m ON m.participant_id = u.id
        JOIN session_tallies t ON t.booking_id = m.booking_id
        WHERE t.not_held_reason IS NULL AND m.mark <> 'absent'
        GROUP BY 1, 2, 3, 4;
    END IF;
END
$$;

-- The people marked at these bookings.
CREATE FUNCTION marked_participants(p_bookings uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT m.participant_id), '{}')
    FROM unnest(p_bookings) AS u (id) JOIN attendance_marks m ON m.booking_id = u.id
$$;

-- bookings: a change of what a session counts (its time, status, category, organization,
-- instructors, center) recounts it; of its start, status or category also its people's presence.
CREATE FUNCTION bookings_recount_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
    moved uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO changed FROM new_rows;
        moved := '{}';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO changed FROM old_rows;
        moved := changed;
    ELSE
        SELECT array_agg(n.id), array_agg(n.id) FILTER (
                   WHERE (o.during, o.status, o.category, o.center_id) IS DISTINCT FROM (n.during, n.status, n.category, n.center_id))
        INTO changed, moved
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.during, o.status, o.category, o.organization_id, o.instructor_id, o.second_instructor_id, o.center_id)
              IS DISTINCT FROM (n.during, n.status, n.category, n.organization_id, n.instructor_id, n.second_instructor_id, n.center_id);
    END IF;
    PERFORM recount_report_rollups(coalesce(changed, '{}'), marked_participants(coalesce(moved, '{}')));
    RETURN NULL;
END
$$;
CREATE TRIGGER bookings_recount_reports_insert AFTER INSERT ON bookings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bookings_recount_reports();
CREATE TRIGGER bookings_recount_reports_update AFTER UPDATE ON bookings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bookings_recount_reports();
CREATE TRIGGER bookings_recount_reports_delete AFTER DELETE ON bookings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bookings_recount_reports();

-- booking_resources: the session's resources.
CREATE FUNCTION booking_resources_recount_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT booking_id) INTO changed FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT booking_id) INTO changed FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT id) INTO changed
        FROM (SELECT booking_id FROM old_rows UNION SELECT booking_id FROM new_rows) AS x (id);
    END IF;
    PERFORM recount_report_rollups(coalesce(changed, '{}'), '{}');
    RETURN NULL;
END
$$;
CREATE TRIGGER booking_resources_recount_reports_insert AFTER INSERT ON booking_resources
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION booking_resources_recount_reports();
CREATE TRIGGER booking_resources_recount_reports_update AFTER UPDATE ON booking_resources
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION booking_resources_recount_reports();
CREATE TRIGGER booking_resources_recount_reports_delete AFTER DELETE ON booking_resources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION booking_resources_recount_reports();

-- session_records: actual times and "did not take place"; a change of the latter moves presence.
CREATE FUNCTION session_records_recount_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
    held uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(booking_id), array_agg(booking_id) FILTER (WHERE not_held_reason IS NOT NULL)
        INTO changed, held FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(booking_id), array_agg(booking_id) FILTER (WHERE not_held_reason IS NOT NULL)
        INTO changed, held FROM old_rows;
    ELSE
        SELECT array_agg(n.booking_id),
               array_agg(n.booking_id) FILTER (WHERE (o.not_held_reason IS NULL) <> (n.not_held_reason IS NULL))
        INTO changed, held
        FROM old_rows o JOIN new_rows n ON n.booking_id = o.booking_id
        WHERE (o.actual, o.not_held_reason) IS DISTINCT FROM (n.actual, n.not_held_reason);
    END IF;
    PERFORM recount_report_rollups(coalesce(changed, '{}'), marked_participants(coalesce(held, '{}')));
    RETURN NULL;
END
$$;
CREATE TRIGGER session_records_recount_reports_insert AFTER INSERT ON session_records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_records_recount_reports();
CREATE TRIGGER session_records_recount_reports_update AFTER UPDATE ON session_records
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_records_recount_reports();
CREATE TRIGGER session_records_recount_reports_delete AFTER DELETE ON session_records
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION session_records_recount_reports();

-- attendance_marks: the marked sessions and the people marked.
CREATE FUNCTION attendance_marks_recount_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
    people uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT booking_id), array_agg(DISTINCT participant_id) INTO changed, people FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT booking_id), array_agg(DISTINCT participant_id) INTO changed, people FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT booking_id), array_agg(DISTINCT participant_id) INTO changed, people
        FROM (SELECT booking_id, participant_id FROM old_rows UNION SELECT booking_id, participant_id FROM new_rows) AS x;
    END IF;
    PERFORM recount_report_rollups(coalesce(changed, '{}'), coalesce(people, '{}'));
    RETURN NULL;
END
$$;
CREATE TRIGGER attendance_marks_recount_reports_insert AFTER INSERT ON attendance_marks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_recount_reports();
CREATE TRIGGER attendance_marks_recount_reports_update AFTER UPDATE ON attendance_marks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_recount_reports();
CREATE TRIGGER attendance_marks_recount_reports_delete AFTER DELETE ON attendance_marks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_recount_reports();

-- centers: a new time zone moves every session's local day.
CREATE FUNCTION centers_recount_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    SELECT array_agg(b.id) INTO changed
    FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN bookings b ON b.center_id = n.id
    WHERE o.time_zone IS DISTINCT FROM n.time_zone;
    PERFORM recount_report_rollups(coalesce(changed, '{}'), marked_participants(coalesce(changed, '{}')));
    RETURN NULL;
END
$$;
CREATE TRIGGER centers_recount_reports AFTER UPDATE ON centers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION centers_recount_reports();

-- the rows already recorded
SELECT recount_report_rollups(
    ARRAY(SELECT id FROM bookings WHERE status = 'confirmed'),
    ARRAY(SELECT DISTINCT participant_id FROM attendance_marks));
