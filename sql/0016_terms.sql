-- Terms of a center: a first day (the Monday of teaching week 1), a number of teaching weeks
-- (教学周) and named weeks off (考试周, 军训, 实习周) as a JSON array of {"week", "name"}.
-- Two terms of one center never overlap. Student-training requests may name a term and its
-- teaching weeks in their details ({"termId", "weeks": "3-8,11-16"}); requests stored before
-- keep their {"startDate", "weeks": N} form, which is still read as it was.
CREATE TABLE terms (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id   uuid        NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    first_day   date        NOT NULL CHECK (extract(isodow FROM first_day) = 1),
    weeks       smallint    NOT NULL CHECK (weeks BETWEEN 1 AND 30),
    weeks_off   jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(weeks_off) = 'array'),
    days        daterange   GENERATED ALWAYS AS (daterange(first_day, first_day + 7 * weeks)) STORED,
    version     integer     NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    EXCLUDE USING gist (center_id WITH =, days WITH &&)
);
