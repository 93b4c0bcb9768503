-- Reminders of instructors' certificates about to expire: one row per certificate (an instructor's
-- skill with its expiry date; a renewed certificate is a new one) and threshold (days before its
-- expiry) it was told for. The daily `certificate_reminders` job inserts the row and writes its
-- notice in one transaction; the primary key makes the reminder once-only, whichever process
-- runs the job and however often.
CREATE TABLE certificate_reminders (
    instructor_id   uuid        NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
    skill           text        NOT NULL,
    expires_on      date        NOT NULL,
    threshold_days  integer     NOT NULL CHECK (threshold_days BETWEEN 1 AND 365),
    reminded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instructor_id, skill, expires_on, threshold_days)
);

-- The purge looks for finished jobs by their end.
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE status IN ('done', 'dead');
