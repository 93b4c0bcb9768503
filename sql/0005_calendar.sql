-- A center's calendar: weekly opening hours, dated closures, and the national holidays and
-- make-up working days (调休) that a manager enters each year.

CREATE TABLE center_opening_hours (
    center_id   uuid     NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
    opens       time     NOT NULL,
    closes      time     NOT NULL,
    CHECK (opens < closes),
    PRIMARY KEY (center_id, weekday, opens)
);

CREATE TABLE center_closures (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id   uuid        NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    days        daterange   NOT NULL CHECK (NOT isempty(days)),
    reason      text        NOT NULL DEFAULT '',
    EXCLUDE USING gist (center_id WITH =, days WITH &&)
);

-- One row per dated exception to the ordinary week: a public holiday (closed), or a make-up
-- working day that runs another weekday's timetable ("this Saturday runs Monday's timetable").
CREATE TYPE calendar_day_kind AS ENUM ('public_holiday', 'makeup_workday');

CREATE TABLE calendar_days (
    day             date              PRIMARY KEY,
    kind            calendar_day_kind NOT NULL,
    name            text              NOT NULL,
    follows_weekday smallint          CHECK (follows_weekday BETWEEN 1 AND 7),
    CHECK ((kind = 'makeup_workday') = (follows_weekday IS NOT NULL))
);
