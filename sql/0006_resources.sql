-- What a center books: rooms, workshops, equipment lines and pools of identical workstations.
-- A resource may sit inside another (a workshop contains machines); capabilities are tags.
CREATE TYPE resource_kind AS ENUM ('room', 'workshop', 'equipment_line', 'workstation_pool');
CREATE TYPE resource_status AS ENUM ('active', 'retired');

CREATE TABLE resources (
    id            uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id     uuid            NOT NULL REFERENCES centers (id),
    kind          resource_kind   NOT NULL,
    name          text            NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    capabilities  text[]          NOT NULL DEFAULT '{}',
    -- seats of a room or workshop, stations of a pool; 1 for an equipment line
    seats         integer         NOT NULL CHECK (seats BETWEEN 1 AND 10000),
    parent_id     uuid            REFERENCES resources (id),
    status        resource_status NOT NULL DEFAULT 'active',
    version       integer         NOT NULL DEFAULT 1,
    created_at    timestamptz     NOT NULL DEFAULT now(),
    updated_at    timestamptz     NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM id),
    CONSTRAINT resources_name_unique UNIQUE (center_id, name)
);

CREATE INDEX resources_center_idx ON resources (center_id);
CREATE INDEX resources_parent_idx ON resources (parent_id);

CREATE TABLE maintenance_windows (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    resource_id  uuid        NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    during       tstzrange   NOT NULL CHECK (NOT isempty(during)),
    reason       text        NOT NULL DEFAULT ''
);

CREATE INDEX maintenance_windows_resource_idx ON maintenance_windows USING gist (resource_id, during);

-- A resource and every resource above it, nearest first (itself at depth 0).
CREATE FUNCTION resource_ancestors(start uuid)
RETURNS TABLE (resource_id uuid, depth integer)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up (resource_id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM resources WHERE id = start
        UNION ALL
        SELECT r.id, r.parent_id, up.depth + 1
        FROM resources r JOIN up ON r.id = up.parent_id
        WHERE up.depth < 16
    )
    SELECT resource_id, depth FROM up
$$;
