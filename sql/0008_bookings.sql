-- Confirmed bookings and the referee that keeps them apart.
--
-- Every confirmed booking writes "blocks"; two exclusion constraints on the blocks decide what
-- may not overlap, whatever the application does:
--
-- occupancy  (resource, during, lane): a booking of a whole resource has lane (,) and clashes
--            with anything on that resource; a share of a workstation pool takes one lane per
--            station [i, i+1); every resource above a booked one gets a "contained" block whose
--            lane is a point of its own, so two machines of one workshop may run together while
--            the workshop itself cannot be booked over either.
-- changeover (resource, during, category =, role <>): a booking of category A also blocks, after
--            its end, one "tail" per follower category B for the changeover minutes the center
--            requires between A and B on that kind of resource. A tail clashes only with an "own"
--            block of category B, so cleaning time after pilot production keeps student training
--            out, and nothing else.
CREATE TYPE category AS ENUM ('student_training', 'employee_upskilling', 'shared_employee', 'pilot_production');

CREATE TABLE changeover_rules (
    center_id      uuid          NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    resource_kind  resource_kind NOT NULL,
    from_category  category      NOT NULL,
    to_category    category      NOT NULL,
    minutes        integer       NOT NULL CHECK (minutes BETWEEN 0 AND 10080),
    PRIMARY KEY (center_id, resource_kind, from_category, to_category)
);

CREATE TYPE booking_status AS ENUM ('confirmed', 'cancelled');

CREATE SEQUENCE booking_lane_seq;

CREATE TABLE bookings (
    id               uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id        uuid           NOT NULL REFERENCES centers (id),
    organization_id  uuid           NOT NULL REFERENCES organizations (id),
    category         category       NOT NULL,
    title            text           NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    during           tstzrange      NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
    instructor_id    uuid           REFERENCES instructors (id),
    participants     integer        NOT NULL DEFAULT 0 CHECK (participants BETWEEN 0 AND 10000),
    status           booking_status NOT NULL DEFAULT 'confirmed',
    lane             bigint         NOT NULL DEFAULT nextval('booking_lane_seq'),
    version          integer        NOT NULL DEFAULT 1,
    created_at       timestamptz    NOT NULL DEFAULT now(),
    -- an instructor is in one place at a time
    CONSTRAINT bookings_instructor_overlap
        EXCLUDE USING gist (instructor_id WITH =, during WITH &&)
        WHERE (status = 'confirmed' AND instructor_id IS NOT NULL)
);

CREATE INDEX bookings_center_during_idx ON bookings USING gist (center_id, during);

-- The resources a booking uses: a whole resource (stations NULL) or some stations of a pool.
CREATE TABLE booking_resources (
    booking_id   uuid    NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    resource_id  uuid    NOT NULL REFERENCES resources (id),
    stations     integer CHECK (stations >= 1),
    PRIMARY KEY (booking_id, resource_id)
);

CREATE INDEX booking_resources_resource_idx ON booking_resources (resource_id);

-- The cohorts that attend: a cohort is in one place at a time (checked by the service, which
-- locks the cohort rows; an exclusion constraint cannot see across the join).
CREATE TABLE booking_cohorts (
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    cohort_id   uuid NOT NULL REFERENCES cohorts (id),
    PRIMARY KEY (booking_id, cohort_id)
);

CREATE TYPE block_purpose AS ENUM ('occupancy', 'changeover');

CREATE TABLE booking_blocks (
    booking_id   uuid          NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    resource_id  uuid          NOT NULL REFERENCES resources (id),
    purpose      block_purpose NOT NULL,
    during       tstzrange     NOT NULL,
    lane         int8range,    -- occupancy only
    category     smallint,     -- changeover only: the category this block concerns
    role         smallint,     -- changeover only: 0 = own, 1 = tail
    CHECK ((purpose = 'occupancy') = (lane IS NOT NULL)),
    CHECK ((purpose = 'changeover') = (category IS NOT NULL AND role IN (0, 1))),
    CONSTRAINT booking_blocks_occupancy
        EXCLUDE USING gist (resource_id WITH =, during WITH &&, lane WITH &&) WHERE (purpose = 'occupancy'),
    CONSTRAINT booking_blocks_changeover
        EXCLUDE USING gist (resource_id WITH =, during WITH &&, category WITH =, role WITH <>) WHERE (purpose = 'changeover')
);

CREATE INDEX booking_blocks_booking_idx ON booking_blocks (booking_id);

-- Writes the blocks of a confirmed booking from its resources, categories and the center's
-- changeover rules. It first locks every resource the booking touches, itself and everything
-- above it, in id order in one statement: bookings of one resource (or of machines of one
-- workshop) take turns, and the later one meets the constraints with the earlier committed
-- instead of deadlocking inside them. Station lanes of a pool are the lowest free ones.
CREATE FUNCTION write_booking_blocks(target uuid) RETURNS void
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
