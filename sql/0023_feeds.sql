-- iCalendar feeds: a subscription is a revocable secret URL (only its SHA-256 is kept) that shows
-- one timetable as its owner may read it now; and bookings whose version rises on every change,
-- which a feed sends as the event's SEQUENCE.

CREATE TABLE feed_subscriptions (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- what the feed shows: a resource's, an instructor's, a class's or an organization's
    -- timetable, or 'mine' (the owner's own teaching, subject_id NULL)
    subject_kind text        NOT NULL CHECK (subject_kind IN ('resource', 'instructor', 'cohort', 'organization', 'mine')),
    subject_id   uuid,
    name         text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    secret_hash  bytea       NOT NULL CHECK (length(secret_hash) = 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    CONSTRAINT feed_subscriptions_secret_unique UNIQUE (secret_hash),
    CONSTRAINT feed_subscriptions_subject CHECK ((subject_kind = 'mine') = (subject_id IS NULL))
);

CREATE INDEX feed_subscriptions_user_idx ON feed_subscriptions (user_id, created_at);

-- A booking's version rises on every change of what a calendar shows (time, status, title,
-- instructors, group), whoever makes it: a statement that already raised it is left alone.
-- changed_at is when it last rose: a feed's DTSTAMP, so an unchanged feed reads the same bytes.
ALTER TABLE bookings ADD COLUMN changed_at timestamptz;
UPDATE bookings SET changed_at = created_at;
ALTER TABLE bookings ALTER COLUMN changed_at SET NOT NULL, ALTER COLUMN changed_at SET DEFAULT now();

CREATE FUNCTION bookings_raise_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = OLD.version AND (NEW.during, NEW.status, NEW.title, NEW.instructor_id, NEW.second_instructor_id,
            NEW.group_number, NEW.group_count)
        IS DISTINCT FROM (OLD.during, OLD.status, OLD.title, OLD.instructor_id, OLD.second_instructor_id,
            OLD.group_number, OLD.group_count) THEN
        NEW.version := OLD.version + 1;
    END IF;
    IF NEW.version <> OLD.version THEN
        NEW.changed_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_version BEFORE UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_raise_version();
