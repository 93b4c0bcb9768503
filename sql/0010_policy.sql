-- A center's category policy beside the changeover matrix of 0008: the share bounds of each
-- category and the planner's soft-constraint weights, versioned as one document.
CREATE TABLE center_policies (
    center_id  uuid    PRIMARY KEY REFERENCES centers (id) ON DELETE CASCADE,
    weights    jsonb   NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
    version    integer NOT NULL DEFAULT 1
);

CREATE TABLE category_shares (
    center_id    uuid     NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    category     category NOT NULL,
    min_percent  integer  NOT NULL CHECK (min_percent BETWEEN 0 AND 100),
    max_percent  integer  NOT NULL CHECK (max_percent BETWEEN 0 AND 100),
    PRIMARY KEY (center_id, category),
    CHECK (min_percent <= max_percent)
);
