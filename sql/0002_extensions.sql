-- btree_gist lets one EXCLUDE constraint mix equality on ids with overlap on time ranges:
-- the referee that keeps two confirmed bookings of one resource from overlapping.
CREATE EXTENSION IF NOT EXISTS btree_gist;
