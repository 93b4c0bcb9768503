-- Honest placement: a request a published plan placed only in part is 'partly_planned', and every
-- request keeps what the last published plan placed of it (sessions asked and placed, and the
-- unplaced sessions with their reasons in English and Chinese) as Domain's RequestPlacement.
-- Requests planned before this migration have no placement (NULL): nothing was recorded then.

ALTER TYPE request_state ADD VALUE IF NOT EXISTS 'partly_planned' AFTER 'planned';

ALTER TABLE requests ADD COLUMN placement jsonb;
