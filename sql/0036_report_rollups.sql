-- Rollups of the reports (docs/reports.md, "Speed"): what the reports count, kept current by triggers
-- in the same transaction as the bookings, session records and attendance marks they count. A write
-- touches only the rollup rows of what it wrote: a booking's own row (set from the booking's columns,
-- or its resources', record's or marks' change added to it), the marks' tallies of its session by
-- their difference, and the days of presence of the people and days whose marks changed.
--
-- session_tallies       one row per confirmed booking: its start (as an instant and in the center's
--                       time zone), category, organization, instructors, resources, booked hours, hours
--                       (actual when recorded), the reason it did not take place, how many present or
--                       late marks it has, and whether it was used (held, with actual times or someone
--                       present or late).
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
    resource_ids          uuid[]          NOT NULL DEFAULT '{}',
    booked                float8          NOT NULL,
    actual_hours          float8,
    not_held_reason       not_held_reason,
    present               integer         NOT NULL DEFAULT 0,
    hours                 float8          NOT NULL GENERATED ALWAYS AS (coalesce(actual_hours, booked)) STORED,
    used                  boolean         NOT NULL
        GENERATED ALWAYS AS (not_held_reason IS NULL AND (actual_hours IS NOT NULL OR present > 0)) STORED
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

-- A person's possible day of presence: the person, their organization (of the mark), the session's
-- center, category and local day.
CREATE TYPE presence_key AS (participant_id uuid, organization_id uuid, center_id uuid, category category, day date);

-- A mark written (+1) or taken back (-1).
CREATE TYPE mark_change AS (booking_id uuid, organization_id uuid, participant_id uuid, mark attendance_mark,
                            source mark_source, sign integer);

-- Recounts the given days of presence. Two transactions recounting the same person take turns (an
-- advisory lock per person, in order; a whole-table lock for a bulk recount, which recounts those
-- people's every day), and the recount reads after the lock, so the second one sees the first one's
-- marks once it has committed.
CREATE FUNCTION recount_presence(p_keys presence_key[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    people uuid[];
    r record;
BEGIN
    people := ARRAY(SELECT DISTINCT k.participant_id FROM unnest(p_keys) AS k ORDER BY 1);
    IF cardinality(people) = 0 THEN
        RETURN;
    ELSIF cardinality(people) > 1000 THEN
        LOCK TABLE participant_presence IN EXCLUSIVE MODE;
        DELETE FROM participant_presence p USING unnest(people) AS u (id) WHERE p.participant_id = u.id;
        INSERT INTO participant_presence
        SELECT m.participant_id, m.organization_id, t.center_id, t.category,
               range_agg(daterange(t.local_start::date, t.local_start::date + 1))
        FROM unnest(people) AS u (id)
        JOIN attendance_marks m ON m.participant_id = u.id
        JOIN session_tallies t ON t.booking_id = m.booking_id
        WHERE t.not_held_reason IS NULL AND m.mark <> 'absent'
        GROUP BY 1, 2, 3, 4;
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(id::text, 36)) FROM unnest(people) AS u (id);
    FOR r IN
        SELECT k.participant_id, k.organization_id, k.center_id, k.category,
               range_agg(daterange(k.day, k.day + 1)) AS checked,
               coalesce(range_agg(daterange(k.day, k.day + 1)) FILTER (WHERE k.present), '{}') AS present
        FROM (SELECT DISTINCT k.*, EXISTS (
                  SELECT 1 FROM attendance_marks m JOIN session_tallies t ON t.booking_id = m.booking_id
                  WHERE m.participant_id = k.participant_id AND m.organization_id = k.organization_id
                    AND m.mark <> 'absent' AND t.center_id = k.center_id AND t.category = k.category
                    AND t.not_held_reason IS NULL AND t.local_start::date = k.day) AS present
              FROM unnest(p_keys) AS k) AS k
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    LOOP
        INSERT INTO participant_presence AS p VALUES (r.participant_id, r.organization_id, r.center_id, r.category, r.present)
        ON CONFLICT (participant_id, organization_id, center_id, category)
        DO UPDATE SET days = p.days - r.checked + r.present;
    END LOOP;
    DELETE FROM participant_presence p USING unnest(p_keys) AS k
    WHERE (p.participant_id, p.organization_id, p.center_id, p.category)
          = (k.participant_id, k.organization_id, k.center_id, k.category)
      AND isempty(p.days);
END
$$;

-- The days of presence of the people marked at a booking, on the days a tally of it says (in PL/pgSQL,
-- whose plans are kept per connection: a SQL function called from a trigger is planned at each call).
CREATE FUNCTION presence_of_session(p_booking uuid, p_tallies session_tallies[]) RETURNS presence_key[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN ARRAY(
        SELECT ROW(m.participant_id, m.organization_id, t.center_id, t.category, t.local_start::date)::presence_key
        FROM attendance_marks m, unnest(p_tallies) AS t
        WHERE m.booking_id = p_booking AND t.booking_id IS NOT NULL);
END
$$;

-- Adds marks written and takes off those taken back: the session's marks' tallies and its count of
-- present marks by their difference (race-free: each update adds to the row as it is when it
-- commits), then the days of presence of the people marked.
CREATE FUNCTION tally_marks(p_changes mark_change[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_mark_tallies AS s
    SELECT c.booking_id, c.organization_id, t.center_id, t.starts_at, t.category, t.not_held_reason IS NULL, t.hours,
           sum(c.sign), coalesce(sum(c.sign) FILTER (WHERE c.mark = 'absent'), 0),
           coalesce(sum(c.sign) FILTER (WHERE c.mark = 'late'), 0),
           coalesce(sum(c.sign) FILTER (WHERE c.source = 'correction'), 0)
    FROM unnest(p_changes) AS c JOIN session_tallies t ON t.booking_id = c.booking_id
    GROUP BY c.booking_id, c.organization_id, t.booking_id
    ORDER BY c.booking_id, c.organization_id
    ON CONFLICT (booking_id, organization_id) DO UPDATE
    SET marks = s.marks + EXCLUDED.marks, absent = s.absent + EXCLUDED.absent, late = s.late + EXCLUDED.late,
        corrected = s.corrected + EXCLUDED.corrected;
    DELETE FROM session_mark_tallies s USING unnest(p_changes) AS c
    WHERE s.booking_id = c.booking_id AND s.organization_id = c.organization_id AND s.marks = 0;
    UPDATE session_tallies t SET present = t.present + d.present
    FROM (SELECT c.booking_id, sum(c.sign) FILTER (WHERE c.mark <> 'absent') AS present
          FROM unnest(p_changes) AS c GROUP BY c.booking_id ORDER BY c.booking_id) AS d
    WHERE t.booking_id = d.booking_id AND d.present <> 0;
    PERFORM recount_presence(ARRAY(
        SELECT ROW(c.participant_id, c.organization_id, t.center_id, t.category, t.local_start::date)::presence_key
        FROM unnest(p_changes) AS c JOIN session_tallies t ON t.booking_id = c.booking_id));
END
$$;

-- The tally of one booking counted from its rows, with its marks' tallies and its people's days of
-- presence (a booking confirmed again, and the rows already recorded); none unless confirmed.
CREATE FUNCTION tally_session(p_booking uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    tally session_tallies;
BEGIN
    INSERT INTO session_tallies (booking_id, center_id, starts_at, local_start, local_end, category, organization_id,
                                 instructor_id, second_instructor_id, resource_ids, booked, actual_hours,
                                 not_held_reason, present)
    SELECT b.id, b.center_id, lower(b.during), lower(b.during) AT TIME ZONE c.time_zone,
           upper(b.during) AT TIME ZONE c.time_zone, b.category, b.organization_id, b.instructor_id,
           b.second_instructor_id,
           ARRAY(SELECT br.resource_id FROM booking_resources br WHERE br.booking_id = b.id ORDER BY br.resource_id),
           date_part('epoch', upper(b.during) - lower(b.during)) / 3600,
           date_part('epoch', upper(r.actual) - lower(r.actual)) / 3600, r.not_held_reason,
           (SELECT count(*) FROM attendance_marks m WHERE m.booking_id = b.id AND m.mark <> 'absent')
    FROM bookings b JOIN centers c ON c.id = b.center_id LEFT JOIN session_records r ON r.booking_id = b.id
    WHERE b.id = p_booking AND b.status = 'confirmed'
    ON CONFLICT (booking_id) DO NOTHING
    RETURNING * INTO tally;
    IF tally.booking_id IS NULL OR NOT EXISTS (SELECT 1 FROM attendance_marks m WHERE m.booking_id = p_booking) THEN
        RETURN;  -- a new booking has no marks yet
    END IF;
    INSERT INTO session_mark_tallies
    SELECT tally.booking_id, m.organization_id, tally.center_id, tally.starts_at, tally.category,
           tally.not_held_reason IS NULL, tally.hours, count(*), count(*) FILTER (WHERE m.mark = 'absent'),
           count(*) FILTER (WHERE m.mark = 'late'), count(*) FILTER (WHERE m.source = 'correction')
    FROM attendance_marks m WHERE m.booking_id = tally.booking_id
    GROUP BY m.organization_id;
    PERFORM recount_presence(presence_of_session(tally.booking_id, ARRAY[tally]));
END
$$;

-- bookings: a new confirmed booking is counted when its transaction commits (a deferred trigger: by
-- then its resources are written, so its tally is written once, not written and then updated per
-- resource); a change of what it counts sets the tally's columns from the booking's (a cancelled one
-- loses its tally, one confirmed again is counted anew).
CREATE FUNCTION bookings_tally_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM session_tallies WHERE booking_id = OLD.id;
        RETURN OLD;
    ELSIF NEW.status <> 'confirmed' THEN
        DELETE FROM session_tallies WHERE booking_id = NEW.id;
    ELSIF TG_OP = 'INSERT' OR OLD.status <> 'confirmed' THEN
        PERFORM tally_session(NEW.id);
    ELSE
        UPDATE session_tallies t
        SET center_id = NEW.center_id, starts_at = lower(NEW.during),
            local_start = lower(NEW.during) AT TIME ZONE c.time_zone,
            local_end = upper(NEW.during) AT TIME ZONE c.time_zone, category = NEW.category,
            organization_id = NEW.organization_id, instructor_id = NEW.instructor_id,
            second_instructor_id = NEW.second_instructor_id,
            booked = date_part('epoch', upper(NEW.during) - lower(NEW.during)) / 3600
        FROM centers c WHERE t.booking_id = NEW.id AND c.id = NEW.center_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER bookings_tally_reports_insert AFTER INSERT ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'confirmed') EXECUTE FUNCTION bookings_tally_reports();
CREATE TRIGGER bookings_tally_reports_update AFTER UPDATE ON bookings
    FOR EACH ROW
    WHEN ((OLD.during, OLD.status, OLD.category, OLD.organization_id, OLD.instructor_id, OLD.second_instructor_id, OLD.center_id)
          IS DISTINCT FROM (NEW.during, NEW.status, NEW.category, NEW.organization_id, NEW.instructor_id, NEW.second_instructor_id, NEW.center_id))
    EXECUTE FUNCTION bookings_tally_reports();
-- before the delete, while its marks are there to find its people by (a cascade deletes them)
CREATE TRIGGER bookings_tally_reports_delete BEFORE DELETE ON bookings
    FOR EACH ROW WHEN (OLD.status = 'confirmed') EXECUTE FUNCTION bookings_tally_reports();

-- booking_resources: the session's resources, added or taken off its tally (in order).
CREATE FUNCTION booking_resources_tally_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE session_tallies SET resource_ids = array_remove(resource_ids, OLD.resource_id)
        WHERE booking_id = OLD.booking_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE session_tallies
        SET resource_ids = ARRAY(SELECT DISTINCT id FROM unnest(resource_ids || NEW.resource_id) AS u (id) ORDER BY id)
        WHERE booking_id = NEW.booking_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER booking_resources_tally_reports_insert AFTER INSERT ON booking_resources
    FOR EACH ROW EXECUTE FUNCTION booking_resources_tally_reports();
CREATE TRIGGER booking_resources_tally_reports_update AFTER UPDATE ON booking_resources
    FOR EACH ROW WHEN ((OLD.booking_id, OLD.resource_id) IS DISTINCT FROM (NEW.booking_id, NEW.resource_id))
    EXECUTE FUNCTION booking_resources_tally_reports();
CREATE TRIGGER booking_resources_tally_reports_delete AFTER DELETE ON booking_resources
    FOR EACH ROW EXECUTE FUNCTION booking_resources_tally_reports();

-- session_records: actual times and "did not take place", set on the session's tally.
CREATE FUNCTION session_records_tally_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE session_tallies SET actual_hours = NULL, not_held_reason = NULL WHERE booking_id = OLD.booking_id;
    ELSE
        UPDATE session_tallies
        SET actual_hours = date_part('epoch', upper(NEW.actual) - lower(NEW.actual)) / 3600,
            not_held_reason = NEW.not_held_reason
        WHERE booking_id = NEW.booking_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER session_records_tally_reports_insert AFTER INSERT ON session_records
    FOR EACH ROW WHEN (NEW.actual IS NOT NULL OR NEW.not_held_reason IS NOT NULL)
    EXECUTE FUNCTION session_records_tally_reports();
CREATE TRIGGER session_records_tally_reports_update AFTER UPDATE ON session_records
    FOR EACH ROW WHEN ((OLD.actual, OLD.not_held_reason) IS DISTINCT FROM (NEW.actual, NEW.not_held_reason))
    EXECUTE FUNCTION session_records_tally_reports();
CREATE TRIGGER session_records_tally_reports_delete AFTER DELETE ON session_records
    FOR EACH ROW EXECUTE FUNCTION session_records_tally_reports();

-- session_tallies: a session's start, category, hours or held-ness carried to its marks' tallies,
-- and its people's presence recounted on the days it was and is on.
CREATE FUNCTION session_tallies_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM session_mark_tallies WHERE booking_id = OLD.booking_id;
        PERFORM recount_presence(presence_of_session(OLD.booking_id, ARRAY[OLD]));
        RETURN NULL;
    END IF;
    UPDATE session_mark_tallies
    SET center_id = NEW.center_id, starts_at = NEW.starts_at, category = NEW.category,
        held = NEW.not_held_reason IS NULL, hours = NEW.hours
    WHERE booking_id = NEW.booking_id;
    IF (OLD.center_id, OLD.local_start::date, OLD.category, OLD.not_held_reason IS NULL)
       IS DISTINCT FROM (NEW.center_id, NEW.local_start::date, NEW.category, NEW.not_held_reason IS NULL) THEN
        PERFORM recount_presence(presence_of_session(NEW.booking_id, ARRAY[OLD, NEW]));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER session_tallies_follow_update AFTER UPDATE ON session_tallies
    FOR EACH ROW
    WHEN ((OLD.center_id, OLD.starts_at, OLD.local_start, OLD.category, OLD.not_held_reason, OLD.hours)
          IS DISTINCT FROM (NEW.center_id, NEW.starts_at, NEW.local_start, NEW.category, NEW.not_held_reason, NEW.hours))
    EXECUTE FUNCTION session_tallies_follow();
CREATE TRIGGER session_tallies_follow_delete AFTER DELETE ON session_tallies
    FOR EACH ROW EXECUTE FUNCTION session_tallies_follow();

-- attendance_marks: the marks written and taken back, per statement (so that one statement's people
-- are locked in order).
CREATE FUNCTION attendance_marks_tally_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM tally_marks(ARRAY(
            SELECT ROW(booking_id, organization_id, participant_id, mark, source, 1)::mark_change FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tally_marks(ARRAY(
            SELECT ROW(booking_id, organization_id, participant_id, mark, source, -1)::mark_change FROM old_rows));
    ELSE
        PERFORM tally_marks(ARRAY(
            SELECT ROW(booking_id, organization_id, participant_id, mark, source, -1)::mark_change FROM old_rows
            UNION ALL
            SELECT ROW(booking_id, organization_id, participant_id, mark, source, 1)::mark_change FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER attendance_marks_tally_reports_insert AFTER INSERT ON attendance_marks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_tally_reports();
CREATE TRIGGER attendance_marks_tally_reports_update AFTER UPDATE ON attendance_marks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_tally_reports();
CREATE TRIGGER attendance_marks_tally_reports_delete AFTER DELETE ON attendance_marks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_marks_tally_reports();

-- centers: a new time zone moves every session's local start and end.
CREATE FUNCTION centers_tally_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session_tallies
    SET local_start = starts_at AT TIME ZONE NEW.time_zone,
        local_end = (local_end AT TIME ZONE OLD.time_zone) AT TIME ZONE NEW.time_zone
    WHERE center_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER centers_tally_reports AFTER UPDATE ON centers
    FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION centers_tally_reports();

-- the rows already recorded
SELECT tally_session(id) FROM bookings WHERE status = 'confirmed';
