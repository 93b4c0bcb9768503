-- The API tokens' request counts, kept here so that every `praxis serve` process on this database
-- counts against one limit: one row per token, its current one-minute window and the requests in it.
-- Unlogged: a count is worth nothing after a crash (the table is emptied then, and every token starts
-- a fresh minute), and without WAL the upsert each API request makes commits without waiting for a
-- disk flush.
CREATE UNLOGGED TABLE token_rate_windows (
    token_id uuid PRIMARY KEY REFERENCES api_tokens (id) ON DELETE CASCADE,
    window_start timestamptz NOT NULL,
    requests integer NOT NULL
);
