-- Demand: what schools and enterprises ask the center for, in the four categories, and the
-- life cycle each request goes through. Category-specific fields live in `details`, validated
-- by the service (Domain's RequestDetails); every state change is kept in request_transitions.
CREATE TYPE request_state AS ENUM (
    'draft', 'submitted', 'planned', 'confirmed', 'done', 'rejected', 'cancelled', 'wait_listed'
);

CREATE TABLE requests (
    id               uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    center_id        uuid          NOT NULL REFERENCES centers (id),
    organization_id  uuid          NOT NULL REFERENCES organizations (id),
    category         category      NOT NULL,
    title            text          NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    details          jsonb         NOT NULL CHECK (jsonb_typeof(details) = 'object'),
    state            request_state NOT NULL DEFAULT 'draft',
    reason           text,         -- why it was rejected, cancelled or wait-listed
    version          integer       NOT NULL DEFAULT 1,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX requests_center_state_idx ON requests (center_id, state, created_at);
CREATE INDEX requests_organization_idx ON requests (organization_id, created_at);

CREATE TABLE request_transitions (
    id          bigserial     PRIMARY KEY,
    request_id  uuid          NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    from_state  request_state NOT NULL,
    to_state    request_state NOT NULL,
    reason      text,
    at          timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX request_transitions_request_idx ON request_transitions (request_id, id);
