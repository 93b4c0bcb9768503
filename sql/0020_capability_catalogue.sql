-- A center's capability catalogue: every capability or skill tag the center uses, with a Chinese
-- and an English label. One list serves resources' capabilities, instructors' skills and
-- requests (the planner matches the same tag on both sides: an upskilling course's skill is
-- both what the machine offers and what the instructor is certified for); the kind only groups
-- the pickers. A retired entry keeps its labels for what already uses it; new input may not
-- name it. The tag is the stable identifier and never changes.
CREATE TYPE capability_kind AS ENUM ('equipment', 'skill');
CREATE TYPE catalogue_status AS ENUM ('active', 'retired');

CREATE TABLE capability_catalogue (
    center_id    uuid             NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    tag          text             NOT NULL CHECK (tag ~ '^[a-z0-9_][a-z0-9._-]{0,63}$'),
    label_zh     text             NOT NULL CHECK (length(btrim(label_zh)) BETWEEN 1 AND 100),
    label_en     text             NOT NULL CHECK (length(btrim(label_en)) BETWEEN 1 AND 100),
    kind         capability_kind  NOT NULL,
    description  text             NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    status       catalogue_status NOT NULL DEFAULT 'active',
    version      integer          NOT NULL DEFAULT 1,
    created_at   timestamptz      NOT NULL DEFAULT now(),
    updated_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (center_id, tag)
);

-- Existing centers: every tag already used by their resources, instructors and requests, labelled
-- with the tag itself until a manager names it. What a machine offers is equipment; a tag only
-- people hold or ask of an instructor is a skill.
INSERT INTO capability_catalogue (center_id, tag, label_zh, label_en, kind)
SELECT DISTINCT ON (center_id, tag) center_id, tag, tag, tag, kind
FROM (
    SELECT r.center_id, unnest(r.capabilities) AS tag, 'equipment'::capability_kind AS kind, 0 AS rank
    FROM resources r
    UNION ALL
    SELECT q.center_id, q.details ->> 'capability', 'equipment', 0
    FROM requests q WHERE q.details ? 'capability'
    UNION ALL
    SELECT i.center_id, s.skill, 'skill', 1
    FROM instructor_skills s JOIN instructors i ON i.id = s.instructor_id
    UNION ALL
    SELECT q.center_id, q.details ->> 'skill', 'skill', 1
    FROM requests q WHERE q.details ? 'skill'
    UNION ALL
    SELECT q.center_id, jsonb_array_elements_text(q.details -> 'instructorSkills'), 'skill', 1
    FROM requests q WHERE jsonb_typeof(q.details -> 'instructorSkills') = 'array'
) AS used
WHERE tag ~ '^[a-z0-9_][a-z0-9._-]{0,63}$'
ORDER BY center_id, tag, rank;
