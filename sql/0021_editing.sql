-- Editing people and organizations. An instructor's leave: dated absences (whole days, first to
-- last inclusive) the planner treats as unavailable and a direct booking naming the instructor
-- is refused on. And the center whose manager onboarded an organization: that center's managers
-- may edit it before it has any work there (NULL for organizations an admin registered, as every
-- existing one was).
CREATE TABLE instructor_leave (
    instructor_id  uuid NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
    first_day      date NOT NULL,
    last_day       date NOT NULL,
    note           text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK (first_day <= last_day),
    PRIMARY KEY (instructor_id, first_day)
);

ALTER TABLE organizations ADD COLUMN home_center_id uuid REFERENCES centers (id);
