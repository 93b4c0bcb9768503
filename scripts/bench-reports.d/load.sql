-- A year of a busy center for scripts/bench-reports, generated in SQL (316,638 bookings and
-- 3,561,504 attendance marks): 12 schools with 8 classes of 36 students (3 groups of 12), 30
-- enterprises (SMEs, large ones, institutes) with 2 groups of 12 employees, 100 resources of
-- the four kinds contributed by the center, schools, enterprises and a government fund, and one
-- instructor per resource. Every day of :year from 08:00 to 22:00 (Asia/Shanghai), each resource
-- holds a one-hour session in about 62% of the hours: weekdays before 17:00 student training
-- (pilot production on equipment lines one day in five), weekday evenings employee upskilling,
-- weekends shared-employee courses and upskilling. 2% of the sessions are cancelled, 2% did not
-- take place (with a reason), a quarter have actual times; everyone on a held session's roster
-- (the class's group, or the enterprise's group) has a mark: 88% present, 5% late, 7% absent, a
-- fifth by self check-in, 1% corrected with a reason. Pseudo-random choices come from hashint4,
-- so every load is the same.
--   psql -v year=2030 -v days=365 -f load.sql      (fewer days: a quick check of the script)
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;

INSERT INTO organizations (name, kind) VALUES ('Bench operator', 'center_operator');
INSERT INTO organizations (name, kind)
SELECT 'Bench school ' || i,
       (ARRAY['secondary_vocational_school', 'higher_vocational_college', 'undergraduate_university'])[1 + i % 3]::organization_kind
FROM generate_series(1, 12) i;
INSERT INTO organizations (name, kind)
SELECT 'Bench enterprise ' || i,
       (CASE WHEN i % 5 = 0 THEN 'large_enterprise' WHEN i % 7 = 0 THEN 'research_institute' ELSE 'sme' END)::organization_kind
FROM generate_series(1, 30) i;
INSERT INTO centers (name, operator_id) SELECT 'Bench center', id FROM organizations WHERE name = 'Bench operator';

CREATE TEMP TABLE schools AS
SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM organizations WHERE name LIKE 'Bench school %';
CREATE TEMP TABLE enterprises AS
SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM organizations WHERE name LIKE 'Bench enterprise %';

INSERT INTO resources (center_id, kind, name, capabilities, seats, owner_kind, owner_organization_id, owner_fund)
SELECT c.id,
       (ARRAY['room', 'workshop', 'equipment_line', 'workstation_pool'])[1 + i % 4]::resource_kind,
       'Bench resource ' || lpad(i::text, 3, '0'),
       ARRAY[(ARRAY['cnc.lathe', 'welding.robot', 'plc', 'cnc.5axis', 'electronics'])[1 + i % 5]],
       CASE i % 4 WHEN 2 THEN 1 WHEN 3 THEN 20 ELSE 40 END,
       (ARRAY['center', 'school', 'enterprise', 'government_fund'])[1 + i / 25]::resource_owner,
       CASE i / 25 WHEN 1 THEN (SELECT id FROM schools WHERE n = i % 12)
                   WHEN 2 THEN (SELECT id FROM enterprises WHERE n = i % 30) END,
       CASE WHEN i / 25 = 3 THEN 'Bench industry fund' END
FROM centers c, generate_series(0, 99) i WHERE c.name = 'Bench center';

CREATE TEMP TABLE bench_resources AS
SELECT id, kind, row_number() OVER (ORDER BY name) - 1 AS n FROM resources
WHERE center_id = (SELECT id FROM centers WHERE name = 'Bench center');

INSERT INTO instructors (center_id, organization_id, name, post_type, weekly_hour_cap)
SELECT (SELECT id FROM centers WHERE name = 'Bench center'),
       CASE WHEN r.n % 3 = 0 THEN (SELECT id FROM enterprises WHERE n = r.n % 30) ELSE (SELECT id FROM schools WHERE n = r.n % 12) END,
       'Bench instructor ' || lpad(r.n::text, 3, '0'), (CASE WHEN r.n % 2 = 0 THEN 'fixed' ELSE 'flexible' END)::post_type, 80
FROM bench_resources r;
CREATE TEMP TABLE bench_instructors AS
SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM instructors WHERE name LIKE 'Bench instructor %';

-- classes of the schools (8 each) and groups of the enterprises (2 each), with their people
INSERT INTO cohorts (organization_id, name, size)
SELECT s.id, 'Bench class ' || s.n || '-' || k, 36 FROM schools s, generate_series(0, 7) k;
INSERT INTO cohorts (organization_id, name, size)
SELECT e.id, 'Bench group ' || e.n || '-' || k, 12 FROM enterprises e, generate_series(0, 1) k;
CREATE TEMP TABLE bench_cohorts AS
SELECT c.id, c.organization_id, c.size, split_part(c.name, ' ', 2) AS sort,
       split_part(split_part(c.name, ' ', 3), '-', 1)::int AS owner_n, split_part(c.name, '-', 2)::int AS k
FROM cohorts c WHERE c.name LIKE 'Bench class %' OR c.name LIKE 'Bench group %';
INSERT INTO participants (organization_id, cohort_id, group_number, name, person_number)
SELECT c.organization_id, c.id, CASE WHEN c.sort = 'class' THEN 1 + p % 3 END, 'Bench person ' || p,
       'B' || substr(c.id::text, 1, 8) || lpad(p::text, 3, '0')
FROM bench_cohorts c, generate_series(0, 35) p WHERE p < c.size;

-- the sessions: one row per resource and hour that holds one
CREATE TEMP TABLE sessions AS
WITH hours AS (
    SELECT d, h, r.id AS resource_id, r.kind, r.n AS rn, abs(hashint4((d * 100000 + h * 1000 + r.n)::int)::bigint) AS x
    FROM generate_series(0, :days - 1) d, generate_series(8, 21) h, bench_resources r
), kept AS (
    SELECT *, extract(isodow FROM (:'year' || '-01-01')::date + d) >= 6 AS weekend FROM hours WHERE x % 100 < 62
)
SELECT gen_random_uuid() AS id, d, h, resource_id, rn, x,
       (CASE WHEN weekend THEN (CASE WHEN x % 2 = 0 THEN 'shared_employee' ELSE 'employee_upskilling' END)
             WHEN h >= 17 THEN 'employee_upskilling'
             WHEN kind = 'equipment_line' AND (d + rn) % 5 = 0 THEN 'pilot_production'
             ELSE 'student_training' END)::category AS category,
       tstzrange(((:'year' || '-01-01')::date + d + make_time(h, 0, 0)) AT TIME ZONE 'Asia/Shanghai',
                 ((:'year' || '-01-01')::date + d + make_time(h, 50, 0)) AT TIME ZONE 'Asia/Shanghai') AS during,
       (x / 100) % 50 = 0 AS cancelled, (x / 100) % 50 = 1 AS not_held, (x / 100) % 4 = 2 AS actual
FROM kept;
ALTER TABLE sessions ADD COLUMN cohort_id uuid, ADD COLUMN organization_id uuid, ADD COLUMN group_number smallint;
UPDATE sessions s SET cohort_id = c.id, organization_id = c.organization_id,
       group_number = CASE WHEN c.sort = 'class' THEN 1 + s.h % 3 END
FROM bench_cohorts c
WHERE s.category = 'student_training' AND c.sort = 'class' AND c.owner_n = (s.x / 7) % 12 AND c.k = (s.x / 91) % 8
   OR s.category IN ('employee_upskilling', 'shared_employee') AND c.sort = 'group' AND c.owner_n = (s.x / 7) % 30
      AND c.k = (s.x / 211) % 2;
UPDATE sessions s SET organization_id = e.id FROM enterprises e
WHERE s.category = 'pilot_production' AND e.n = (s.x / 7) % 30;

INSERT INTO bookings (id, center_id, organization_id, category, title, during, instructor_id, participants, status,
                      group_number, group_count)
SELECT s.id, (SELECT id FROM centers WHERE name = 'Bench center'), s.organization_id, s.category,
       'Bench ' || s.category || ' ' || s.d || '/' || s.h, s.during, i.id,
       CASE WHEN s.cohort_id IS NULL THEN 0 ELSE 12 END,
       (CASE WHEN s.cancelled THEN 'cancelled' ELSE 'confirmed' END)::booking_status,
       s.group_number, CASE WHEN s.group_number IS NOT NULL THEN 3 END
FROM sessions s JOIN bench_instructors i ON i.n = s.rn;
INSERT INTO booking_resources (booking_id, resource_id) SELECT id, resource_id FROM sessions;
-- the sessions' rollups now, with their resources, rather than at the commit, after their marks (which
-- would then be counted session by session)
SET CONSTRAINTS bookings_tally_reports_insert IMMEDIATE;
INSERT INTO booking_cohorts (booking_id, cohort_id) SELECT id, cohort_id FROM sessions WHERE cohort_id IS NOT NULL;
INSERT INTO booking_instructors (booking_id, instructor_id, during)
SELECT s.id, i.id, s.during FROM sessions s JOIN bench_instructors i ON i.n = s.rn WHERE NOT s.cancelled;
-- the blocks write_booking_blocks would write for a whole resource without changeover rules
INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, lane)
SELECT id, resource_id, 'occupancy', during, int8range(NULL, NULL) FROM sessions WHERE NOT cancelled;
INSERT INTO booking_blocks (booking_id, resource_id, purpose, during, category, role)
SELECT id, resource_id, 'changeover', during, array_position(enum_range(NULL::category), category), 0
FROM sessions WHERE NOT cancelled;

INSERT INTO session_records (booking_id, actual, not_held_reason)
SELECT id,
       CASE WHEN actual AND NOT not_held THEN tstzrange(lower(during) + interval '3 minutes', upper(during) - interval '2 minutes') END,
       CASE WHEN not_held THEN (ARRAY['holiday', 'equipment_failure', 'cancelled_by_school'])[1 + x % 3]::not_held_reason END
FROM sessions WHERE NOT cancelled AND (actual OR not_held);

INSERT INTO attendance_marks (booking_id, participant_id, organization_id, mark, source, reason, marked_at)
SELECT s.id, p.id, p.organization_id,
       (CASE WHEN m.y % 100 < 88 THEN 'present' WHEN m.y % 100 < 93 THEN 'late' ELSE 'absent' END)::attendance_mark,
       (CASE WHEN (m.y / 7) % 100 = 0 THEN 'correction' WHEN (m.y / 100) % 5 = 0 THEN 'self_check_in' ELSE 'instructor' END)::mark_source,
       CASE WHEN (m.y / 7) % 100 = 0 THEN 'Bench correction' END,
       lower(s.during) + interval '5 minutes'
FROM sessions s
JOIN participants p ON p.cohort_id = s.cohort_id AND p.group_number IS NOT DISTINCT FROM s.group_number
CROSS JOIN LATERAL (SELECT abs(s.x # hashtext(p.person_number)) AS y) m
WHERE NOT s.cancelled AND NOT s.not_held;

COMMIT;
-- as autovacuum would leave a year's tables (the rollups' rows are written and then updated by their
-- triggers): without it the first reports timed would pay for setting hint bits and a vacuum running
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM attendance_marks) AS marks;
