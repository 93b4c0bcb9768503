-- The dates a request's work may fall on, beside its details, so that a planner run reads only the
-- requests whose dates meet its horizon (CenterSnapshot). RequestRepository writes them from
-- RequestDetails.plannedDates on every insert and edit: a class's weeks, an upskilling course's window,
-- a pilot run's start window plus its days; a shared-employee course from the day after its decision
-- date, with no end (last_date NULL); an SME's seats have none (they come with their course).
-- The backfill below may reach a day further than the Swift rule (a run in shifts' night), never less:
-- a run filters the rows it reads by the exact rule.
ALTER TABLE requests ADD COLUMN first_date date, ADD COLUMN last_date date;

UPDATE requests SET
    first_date = CASE category
        WHEN 'student_training' THEN (details ->> 'startDate')::date
        WHEN 'employee_upskilling' THEN (details ->> 'earliest')::date
        WHEN 'pilot_production' THEN (details ->> 'earliestStart')::date
        WHEN 'shared_employee' THEN (details ->> 'decisionDate')::date + 1
    END,
    last_date = CASE category
        WHEN 'student_training' THEN (details ->> 'startDate')::date - 1 + 7 * greatest(1,
            CASE WHEN jsonb_typeof(details -> 'weeks') = 'number' THEN (details ->> 'weeks')::int
                 ELSE coalesce((details ->> 'weekSpan')::int, 1) END)
        WHEN 'employee_upskilling' THEN greatest((details ->> 'earliest')::date, (details ->> 'latest')::date)
        WHEN 'pilot_production' THEN greatest((details ->> 'earliestStart')::date, (details ->> 'latestStart')::date)
            + greatest((details ->> 'days')::int, 1)
    END;

-- not partial: a run's states come as a parameter, which cannot prove a partial index's predicate
CREATE INDEX requests_center_dates_idx ON requests (center_id, first_date);
