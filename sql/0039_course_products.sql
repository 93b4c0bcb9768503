-- Shared-employee courses as products: a seat is a named participant (the SME's employee), with the
-- position they hold, so a course's roster says who comes from which post (岗位).
--
-- participants.position  the person's position at their organization (an employee's post); empty for
--                        students. Replacing a named seat withdraws the old row and inserts a new one,
--                        so marks already taken keep naming whom they named.
ALTER TABLE participants
    ADD COLUMN position text CHECK (length(btrim(position)) BETWEEN 1 AND 60);
