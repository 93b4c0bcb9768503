-- Everyone who uses a center belongs to an organization: schools of three levels, enterprises
-- large and small, research institutes, and the operator that runs the center.
CREATE TYPE organization_kind AS ENUM (
    'secondary_vocational_school',  -- 中职
    'higher_vocational_college',    -- 高职
    'undergraduate_university',     -- 本科
    'large_enterprise',
    'sme',
    'research_institute',
    'center_operator'
);

CREATE TABLE organizations (
    id          uuid              PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text              NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind        organization_kind NOT NULL,
    version     integer           NOT NULL DEFAULT 1,
    created_at  timestamptz       NOT NULL DEFAULT now(),
    updated_at  timestamptz       NOT NULL DEFAULT now(),
    CONSTRAINT organizations_name_unique UNIQUE (name)
);
