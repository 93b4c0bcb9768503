-- Quotas: the hours an organization may use at a center per week, month or term, for one
-- category or any, on one resource (and what it contains), on resources with one capability, or
-- on the whole center. A group quota: every booking of the organization counts, whoever made it.
--
-- Windows are counted in the center's time zone: an ISO week (Monday 00:00 to Monday 00:00), a
-- calendar month, or the center's term whose days hold the booking's start (no term there: the
-- quota does not apply). A booking counts whole, in hours of its span, in the window where it
-- starts; a cancelled one does not count.
CREATE TYPE quota_period AS ENUM ('week', 'month', 'term');

CREATE TABLE quotas (
    id               uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id        uuid         NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    organization_id  uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    category         category,    -- NULL: any category
    resource_id      uuid         REFERENCES resources (id) ON DELETE CASCADE,
    capability       text         CHECK (length(btrim(capability)) BETWEEN 1 AND 100),
    period           quota_period NOT NULL,
    hours            integer      NOT NULL CHECK (hours BETWEEN 1 AND 10000),
    version          integer      NOT NULL DEFAULT 1,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CHECK (resource_id IS NULL OR capability IS NULL)
);

CREATE INDEX quotas_center_organization_idx ON quotas (center_id, organization_id);

-- The window of `period` at the center that holds `at`, or NULL (a term period with no term there).
CREATE FUNCTION quota_window(p_period quota_period, p_center uuid, p_at timestamptz)
RETURNS tstzrange
LANGUAGE plpgsql STABLE AS $$
DECLARE
    zone  text;
    local timestamp;
    days  daterange;
BEGIN
    SELECT time_zone INTO zone FROM centers WHERE id = p_center;
    local := p_at AT TIME ZONE zone;
    IF p_period = 'week' THEN
        RETURN tstzrange(date_trunc('week', local) AT TIME ZONE zone,
                         (date_trunc('week', local) + interval '7 days') AT TIME ZONE zone);
    ELSIF p_period = 'month' THEN
        RETURN tstzrange(date_trunc('month', local) AT TIME ZONE zone,
                         (date_trunc('month', local) + interval '1 month') AT TIME ZONE zone);
    END IF;
    SELECT t.days INTO days FROM terms t WHERE t.center_id = p_center AND t.days @> local::date;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN tstzrange(lower(days)::timestamp AT TIME ZONE zone, upper(days)::timestamp AT TIME ZONE zone);
END
$$;

-- Whether a booking counts against a quota: same center, organization and (when set) category,
-- confirmed, and using the quota's resource (or something inside it) or a resource with its capability.
CREATE FUNCTION quota_covers(q quotas, b bookings)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT b.status = 'confirmed' AND b.center_id = q.center_id AND b.organization_id = q.organization_id
       AND (q.category IS NULL OR b.category = q.category)
       AND (q.resource_id IS NULL OR EXISTS (
                SELECT 1 FROM booking_resources br
                WHERE br.booking_id = b.id
                  AND br.resource_id IN (SELECT d.resource_id FROM resource_descendants(q.resource_id) AS d)))
       AND (q.capability IS NULL OR EXISTS (
                SELECT 1 FROM booking_resources br JOIN resources r ON r.id = br.resource_id
                WHERE br.booking_id = b.id AND q.capability = ANY (r.capabilities)))
$$;

-- The hours of the quota's bookings that start in `p_window`.
CREATE FUNCTION quota_hours_used(q quotas, p_window tstzrange)
RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600), 0)
    FROM bookings b
    WHERE b.center_id = q.center_id AND b.organization_id = q.organization_id AND b.status = 'confirmed'
      AND lower(b.during) <@ p_window AND quota_covers(q, b)
$$;

-- Refuses the confirmed bookings `p_bookings` (just written in this transaction) when one of them
-- takes its organization past a quota: SQLSTATE PXQ01 with the quota's id as DETAIL. Takes a
-- transaction-scoped advisory lock per (center, organization) first, so that two bookings that
-- each fit alone but not together are counted one after the other: the second sees the first.
CREATE FUNCTION check_quotas(p_bookings uuid[])
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    b      bookings%ROWTYPE;
    q      quotas%ROWTYPE;
    owner  record;
    win    tstzrange;
BEGIN
    FOR owner IN
        SELECT DISTINCT center_id, organization_id FROM bookings
        WHERE id = ANY (p_bookings) AND status = 'confirmed'
          AND EXISTS (SELECT 1 FROM quotas x WHERE x.center_id = bookings.center_id
                                              AND x.organization_id = bookings.organization_id)
        ORDER BY center_id, organization_id
    LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('quota ' || owner.center_id || ' ' || owner.organization_id, 0));
    END LOOP;
    FOR b IN SELECT * FROM bookings WHERE id = ANY (p_bookings) AND status = 'confirmed' ORDER BY lower(during) LOOP
        FOR q IN SELECT * FROM quotas WHERE center_id = b.center_id AND organization_id = b.organization_id ORDER BY id LOOP
            CONTINUE WHEN NOT quota_covers(q, b);
            win := quota_window(q.period, q.center_id, lower(b.during));
            CONTINUE WHEN win IS NULL;
            IF quota_hours_used(q, win) > q.hours THEN
                RAISE EXCEPTION 'the booking takes its organization past a quota' USING ERRCODE = 'PXQ01', DETAIL = q.id::text;
            END IF;
        END LOOP;
    END LOOP;
END
$$;
