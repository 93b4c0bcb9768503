-- Indexes for the reports (docs/reports.md): each report is one aggregation over a center's confirmed
-- sessions starting in a period and the attendance marks of those sessions.
--
-- bookings_center_start_idx           the sessions of a center by start: a range scan on
--                                     (center_id, lower(during)) of confirmed bookings only, instead of
--                                     the GiST overlap index (which also returns sessions that started
--                                     before the period and must then be filtered out).
-- attendance_marks_booking_report_idx the marks of those sessions with the columns the reports count
--                                     (mark, source, person, organization), so that people trained and
--                                     no-shows are read by an index-only scan, not from the table.
CREATE INDEX bookings_center_start_idx ON bookings (center_id, lower(during)) WHERE status = 'confirmed';
CREATE INDEX attendance_marks_booking_report_idx ON attendance_marks (booking_id)
    INCLUDE (mark, source, participant_id, organization_id);
