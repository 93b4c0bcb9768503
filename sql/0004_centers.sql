-- A practice center: its own calendar in its own time zone, divided into slots.
CREATE TABLE centers (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    operator_id     uuid        NOT NULL REFERENCES organizations (id),
    time_zone       text        NOT NULL DEFAULT 'Asia/Shanghai',  -- an IANA name, checked by the service
    slot_minutes    integer     NOT NULL DEFAULT 30 CHECK (slot_minutes IN (15, 30, 60)),
    version         integer     NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT centers_name_unique UNIQUE (name)
);

CREATE INDEX centers_operator_idx ON centers (operator_id);
