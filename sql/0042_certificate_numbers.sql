-- An upskilling course's outcome names the certificate issued (证书编号): subsidy claims and the
-- consortium's indicator 5.3 count certificates by their numbers. Unique per center would need the
-- center on the row; numbers come from many issuers, so they are only checked for shape here.
ALTER TABLE participant_outcomes
    ADD COLUMN certificate_number text CHECK (certificate_number ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,59}$');
