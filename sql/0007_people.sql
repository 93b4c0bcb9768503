-- Instructors (with certified skills, affiliation, post type, weekly availability and cap) and
-- cohorts (a school's class, an enterprise's group: people who cannot be in two places at once).
CREATE TYPE post_type AS ENUM ('fixed', 'flexible');  -- 固定岗 / 流动岗

CREATE TABLE instructors (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id         uuid        NOT NULL REFERENCES centers (id),
    organization_id   uuid        NOT NULL REFERENCES organizations (id),  -- affiliation
    name              text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    post_type         post_type   NOT NULL,
    weekly_hour_cap   integer     NOT NULL CHECK (weekly_hour_cap BETWEEN 1 AND 80),
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX instructors_center_idx ON instructors (center_id);

CREATE TABLE instructor_skills (
    instructor_id  uuid NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
    skill          text NOT NULL CHECK (skill ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    expires_on     date,   -- when the certificate lapses; NULL: does not lapse
    PRIMARY KEY (instructor_id, skill)
);

CREATE TABLE instructor_availability (
    instructor_id  uuid     NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
    weekday        smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    available_from time     NOT NULL,
    available_to   time     NOT NULL,
    CHECK (available_from < available_to),
    PRIMARY KEY (instructor_id, weekday, available_from)
);

CREATE TABLE cohorts (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    name             text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    size             integer     NOT NULL CHECK (size BETWEEN 1 AND 1000),
    version          integer     NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cohorts_name_unique UNIQUE (organization_id, name)
);
