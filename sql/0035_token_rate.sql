-- The API tokens' request counts, kept here so that every `praxis serve` process on this database
-- counts against one limit: one row per token, its current one-minute window and the requests in it.
CREATE TABLE token_rate_windows (
    token_id uuid PRIMARY KEY REFERENCES api_tokens (id) ON DELETE CASCADE,
    window_start timestamptz NOT NULL,
    requests integer NOT NULL
);
