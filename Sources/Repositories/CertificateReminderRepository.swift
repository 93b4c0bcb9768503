public import Database
public import Dates
public import Domain
public import Foundation

/// Finds instructors' certificates about to lapse and records the reminders told of them
/// (`certificate_reminders`: once per certificate and threshold).
public struct CertificateReminderRepository: Sendable {
    public init() {}

    /// A center's certificates lapsing from `today` to `today + days`, by date.
    public func expiring(
        centerId: UUID, from today: CalendarDate, within days: Int, on connection: Connection
    ) throws -> [ExpiringCertificate] {
        try connection.query(
            """
            SELECT i.id, i.name, i.center_id, i.organization_id, s.skill, s.expires_on::text AS expires_on
            FROM instructor_skills s JOIN instructors i ON i.id = s.instructor_id
            WHERE i.center_id = \(centerId) AND s.expires_on BETWEEN \(today)::date AND \(today)::date + \(days)::int
            ORDER BY s.expires_on, i.name, s.skill
            """
        ).map { row in
            ExpiringCertificate(
                instructorId: try row.decode("id"), instructorName: try row.decode("name"),
                centerId: try row.decode("center_id"), organizationId: try row.decode("organization_id"),
                skill: try row.decode("skill"), expiresOn: try row.decode("expires_on"))
        }
    }

    /// Records that `certificate` was told at `threshold` days, unless it was already.
    /// - Returns: whether this call recorded it (the caller then writes the notice).
    public func record(_ certificate: ExpiringCertificate, threshold: Int, on connection: Connection) throws -> Bool {
        try connection.query(
            """
            INSERT INTO certificate_reminders (instructor_id, skill, expires_on, threshold_days)
            VALUES (\(certificate.instructorId), \(certificate.skill), \(certificate.expiresOn)::date, \(threshold))
            ON CONFLICT DO NOTHING
            """
        ).affectedRows == 1
    }
}
