-- Attendance as evidence: named participants and rosters, attendance marks, what happened to a
-- session (actual times or "did not take place"), outcomes, and who contributed a resource.
--
-- participants          named people of an organization: a class's students (cohort_id, with their group
--                       number when the class works in groups) or the named participants of a request (an
--                       upskilling course's employees, an SME's people on its shared-employee seats). A
--                       removed participant is kept (withdrawn_at) so that the marks naming them stay evidence.
-- attendance_marks      one row per session (booking) and participant: present, late or absent, who marked it
--                       and how (the instructor, a self check-in, a manager's correction with its reason; the
--                       audit trail keeps the mark it replaced). organization_id is the participant's, copied
--                       so that no-shows and people trained per organization need no join.
-- session_records       one row per session once anything happened to it: its actual start and end, or that it
--                       did not take place (and why), and the current self check-in code.
-- participant_outcomes  what a participant of a course achieved: completed or not, certificate or skill level.
-- resources.owner_*     who contributed a resource (共建共享): the center itself (existing rows), a school or an
--                       enterprise (an organization), or a government fund (named).
CREATE TABLE participants (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    cohort_id        uuid        REFERENCES cohorts (id),
    request_id       uuid        REFERENCES requests (id) ON DELETE CASCADE,
    group_number     smallint    CHECK (group_number BETWEEN 1 AND 20),
    name             text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    person_number    text        CHECK (person_number ~ '^[A-Za-z0-9._-]{1,40}$'),
    phone            text        CHECK (phone ~ '^[0-9+() -]{3,20}$'),
    withdrawn_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((cohort_id IS NULL) <> (request_id IS NULL)),
    CHECK (group_number IS NULL OR cohort_id IS NOT NULL)
);

CREATE INDEX participants_cohort_idx ON participants (cohort_id) WHERE cohort_id IS NOT NULL;
CREATE INDEX participants_request_idx ON participants (request_id) WHERE request_id IS NOT NULL;
-- one student or employee number once per roster (among those not withdrawn)
CREATE UNIQUE INDEX participants_number_unique ON participants (coalesce(cohort_id, request_id), person_number)
    WHERE person_number IS NOT NULL AND withdrawn_at IS NULL;

CREATE TYPE attendance_mark AS ENUM ('present', 'late', 'absent');
CREATE TYPE mark_source AS ENUM ('instructor', 'self_check_in', 'correction');

CREATE TABLE attendance_marks (
    booking_id       uuid            NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    participant_id   uuid            NOT NULL REFERENCES participants (id),
    organization_id  uuid            NOT NULL REFERENCES organizations (id),
    mark             attendance_mark NOT NULL,
    source           mark_source     NOT NULL,
    reason           text            CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    marked_by        uuid,           -- the user; NULL for a self check-in or the system
    marked_at        timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (booking_id, participant_id),
    CHECK ((source = 'correction') = (reason IS NOT NULL))
);

CREATE INDEX attendance_marks_participant_idx ON attendance_marks (participant_id);
CREATE INDEX attendance_marks_organization_idx ON attendance_marks (organization_id, mark, booking_id);

CREATE TYPE not_held_reason AS ENUM ('holiday', 'equipment_failure', 'cancelled_by_school', 'other');

CREATE TABLE session_records (
    booking_id       uuid            PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    actual           tstzrange       CHECK (actual IS NULL OR (NOT isempty(actual) AND NOT lower_inf(actual) AND NOT upper_inf(actual))),
    not_held_reason  not_held_reason,
    not_held_note    text            CHECK (length(btrim(not_held_note)) BETWEEN 1 AND 500),
    check_in_code    text            CHECK (check_in_code ~ '^[0-9]{6}$'),
    version          integer         NOT NULL DEFAULT 1,
    updated_at       timestamptz     NOT NULL DEFAULT now(),
    CHECK (actual IS NULL OR not_held_reason IS NULL),
    CHECK (not_held_reason IS DISTINCT FROM 'other' OR not_held_note IS NOT NULL)
);

-- a code names one session: a self check-in finds its session by the code alone
CREATE UNIQUE INDEX session_records_code_unique ON session_records (check_in_code) WHERE check_in_code IS NOT NULL;
CREATE INDEX session_records_not_held_idx ON session_records (not_held_reason) WHERE not_held_reason IS NOT NULL;

CREATE TABLE participant_outcomes (
    participant_id  uuid        PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
    completed       boolean     NOT NULL,
    achievement     text        CHECK (length(btrim(achievement)) BETWEEN 1 AND 200),
    tag             text        CHECK (tag ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    recorded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE resource_owner AS ENUM ('center', 'school', 'enterprise', 'government_fund');

ALTER TABLE resources
    ADD COLUMN owner_kind            resource_owner NOT NULL DEFAULT 'center',
    ADD COLUMN owner_organization_id uuid REFERENCES organizations (id),
    ADD COLUMN owner_fund            text CHECK (length(btrim(owner_fund)) BETWEEN 1 AND 200),
    ADD CONSTRAINT resources_owner_check CHECK (
        (owner_kind IN ('school', 'enterprise')) = (owner_organization_id IS NOT NULL)
        AND (owner_kind = 'government_fund') = (owner_fund IS NOT NULL));
