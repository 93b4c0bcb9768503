-- Self check-ins, kept for a day, written before the code is tried: too many failed ones from one
-- client address, or against one session's code, are answered 429 until the window has passed
-- (Access.CheckInThrottle). Shared by every service process.
CREATE TABLE check_in_attempts (
    id         bigserial   PRIMARY KEY,
    client     text        NOT NULL,
    code       text        NOT NULL,
    succeeded  boolean     NOT NULL,
    at         timestamptz NOT NULL
);

CREATE INDEX check_in_attempts_client_idx ON check_in_attempts (client, at);
CREATE INDEX check_in_attempts_code_idx ON check_in_attempts (code, at);
CREATE INDEX check_in_attempts_at_idx ON check_in_attempts (at);
