-- The booking service beyond 0008: a center's category policy (share bounds and planner weights beside
-- the changeover matrix), versioned as one document.
CREATE TABLE center_policies (
    center_id  uuid    PRIMARY KEY REFERENCES centers (id) ON DELETE CASCADE,
    weights    jsonb   NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
    version    integer NOT NULL DEFAULT 1
);

CREATE TABLE category_shares (
    center_id    uuid     NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    category     category NOT NULL,
    min_percent  integer  NOT NULL CHECK (min_percent BETWEEN 0 AND 100),
    max_percent  integer  NOT NULL CHECK (max_percent BETWEEN 0 AND 100),
    PRIMARY KEY (center_id, category),
    CHECK (min_percent <= max_percent)
);

-- The request a booking serves (a planned session, or a manager's direct booking for it).
ALTER TABLE bookings ADD COLUMN request_id uuid REFERENCES requests (id);
CREATE INDEX bookings_request_idx ON bookings (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX bookings_organization_idx ON bookings (organization_id, lower(during));
CREATE INDEX booking_cohorts_cohort_idx ON booking_cohorts (cohort_id);

-- The go/no-go decision on a shared-employee course at its decision date, and the seats each
-- SME's request was allotted then (max-min fair; see SharedCourseService).
CREATE TABLE course_decisions (
    course_id   uuid    PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    decided_on  date    NOT NULL,
    runs        boolean NOT NULL,
    seats       integer NOT NULL CHECK (seats >= 0),
    reason      text
);

CREATE TABLE seat_allotments (
    request_id  uuid    PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    course_id   uuid    NOT NULL REFERENCES course_decisions (course_id) ON DELETE CASCADE,
    seats       integer NOT NULL CHECK (seats >= 0)
);

-- Writes a confirmed booking with its resources, cohorts and blocks in one call (one round trip
-- for the service); returns its id. `p_stations` pairs with `p_resources`: 0 takes the whole
-- resource. Raises 23P01 when it clashes (see write_booking_blocks).
CREATE FUNCTION insert_booking(
    p_center uuid, p_organization uuid, p_request uuid, p_category category, p_title text, p_during tstzrange,
    p_instructor uuid, p_participants integer, p_resources uuid[], p_stations integer[], p_cohorts uuid[])
RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    created uuid;
BEGIN
    INSERT INTO bookings (center_id, organization_id, request_id, category, title, during, instructor_id, participants)
    VALUES (p_center, p_organization, p_request, p_category, p_title, p_during, p_instructor, p_participants)
    RETURNING id INTO created;
    INSERT INTO booking_resources (booking_id, resource_id, stations)
    SELECT created, u.resource_id, nullif(u.stations, 0) FROM unnest(p_resources, p_stations) AS u (resource_id, stations);
    INSERT INTO booking_cohorts (booking_id, cohort_id) SELECT created, c FROM unnest(p_cohorts) AS c;
    PERFORM write_booking_blocks(created);
    RETURN created;
END
$$;
