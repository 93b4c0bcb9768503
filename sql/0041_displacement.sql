-- Priorities and guaranteed make-up (docs/planner.md "Displacement and make-up"): a center's policy
-- may let some categories displace confirmed bookings of others, each displaced session moved to a
-- make-up within a number of days, in the same publish; every displacement is kept for the people
-- whose session moved.

ALTER TABLE center_policies ADD COLUMN displacement jsonb;

CREATE TABLE booking_displacements (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id       uuid        NOT NULL REFERENCES bookings (id),
    plan_id          uuid        NOT NULL REFERENCES plans (id),
    center_id        uuid        NOT NULL REFERENCES centers (id),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    was              tstzrange   NOT NULL,
    make_up          tstzrange   NOT NULL,
    -- the categories of the sessions that took its place
    by_categories    category[]  NOT NULL,
    displaced_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX booking_displacements_organization_idx ON booking_displacements (organization_id, displaced_at DESC);
CREATE INDEX booking_displacements_booking_idx ON booking_displacements (booking_id);
