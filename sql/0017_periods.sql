-- Bell periods (节次): a center may define its day as numbered, named periods with their own
-- start and end times, per ISO weekday (the API groups weekdays with the same periods into sets).
-- A center without rows books and plans in clock times on its slot grid, as before.

-- The version of a center's periods, read and replaced as one document (If-Match).
CREATE TABLE center_period_schedules (
    center_id  uuid    PRIMARY KEY REFERENCES centers (id) ON DELETE CASCADE,
    version    integer NOT NULL DEFAULT 1
);

CREATE TABLE center_periods (
    center_id  uuid     NOT NULL REFERENCES center_period_schedules (center_id) ON DELETE CASCADE,
    weekday    smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
    number     smallint NOT NULL CHECK (number BETWEEN 1 AND 99),
    label      text     NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 200),
    starts     time     NOT NULL,
    ends       time     NOT NULL,
    CHECK (starts < ends),
    PRIMARY KEY (center_id, weekday, number),
    -- no two periods of one day overlap, whatever the application checks
    EXCLUDE USING gist (
        center_id WITH =, weekday WITH =,
        int4range((extract(epoch FROM starts) / 60)::int, (extract(epoch FROM ends) / 60)::int) WITH &&)
);
