-- A center's category policy beside the changeover matrix of 0008: the share bounds of each
-- category and the planner's soft-constraint weights, versioned as one document.
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
