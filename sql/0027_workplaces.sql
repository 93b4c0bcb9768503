-- Center context: the center each user works in, chosen explicitly in the pages' header and
-- remembered across sessions. A user without a row (every existing user) works in the first
-- center they manage, else the consortium's first center, until they choose. Deleting the user
-- or the center forgets the choice.

CREATE TABLE user_workplaces (
    user_id    uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    center_id  uuid        NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
    chosen_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX user_workplaces_center_idx ON user_workplaces (center_id);
