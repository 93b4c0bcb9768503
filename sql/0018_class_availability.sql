-- A class's (cohort's) availability: its weekly free times from the school's timetable, weeks that
-- differ (by the week's Monday: an exam week, a week of 实习 at a company), and its travel time to
-- the center. The planner never places a class outside them; direct bookings naming a class are
-- refused there. Existing cohorts become "free any time" with no travel, so nothing planned or
-- booked before changes.
ALTER TABLE cohorts
    ADD COLUMN free_any_time  boolean     NOT NULL DEFAULT true,
    ADD COLUMN travel_minutes integer     NOT NULL DEFAULT 0 CHECK (travel_minutes BETWEEN 0 AND 240),
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now();

-- A week whose free times differ from the weekly ones; its free times are those of
-- cohort_free_times with this week_of (none: the class is not free that week at all).
CREATE TABLE cohort_weeks (
    cohort_id  uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    week_of    date NOT NULL CHECK (extract(isodow FROM week_of) = 1),
    note       text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    PRIMARY KEY (cohort_id, week_of)
);

-- A span of a weekday when the class is free: weekly (week_of NULL) or in one listed week.
CREATE TABLE cohort_free_times (
    cohort_id  uuid     NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    week_of    date,
    weekday    smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    free_from  time     NOT NULL,
    free_to    time     NOT NULL,
    CHECK (free_from < free_to),
    FOREIGN KEY (cohort_id, week_of) REFERENCES cohort_weeks (cohort_id, week_of) ON DELETE CASCADE
);

CREATE UNIQUE INDEX cohort_free_times_unique
    ON cohort_free_times (cohort_id, coalesce(week_of, '0001-01-01'::date), weekday, free_from);
