public import Database
public import Foundation

/// Reads what the demo accounts are made of: the demo center, the school and the enterprise with
/// the most requests of their kind there (by name on a tie: the demo writes its term's requests in
/// one transaction, so their times tie), and its first instructor.
public struct DemoAccountRepository: Sendable {
    public init() {}

    /// The ids the demo accounts take their organizations and scopes from.
    public struct Anchors: Sendable {
        public let centerId: UUID
        public let operatorId: UUID
        public let schoolId: UUID
        public let enterpriseId: UUID
        public let instructorId: UUID
        public let instructorOrganizationId: UUID
    }

    /// The anchors of the center with this name; `nil` when it is not loaded.
    public func anchors(centerNamed name: String, on connection: Connection) throws -> Anchors? {
        guard
            let row = try connection.query(
                """
                SELECT c.id AS center, c.operator_id,
                       (SELECT r.organization_id FROM requests r JOIN organizations o ON o.id = r.organization_id
                        WHERE r.center_id = c.id AND r.category = 'student_training'
                        GROUP BY r.organization_id, o.name ORDER BY count(*) DESC, o.name LIMIT 1) AS school,
                       (SELECT r.organization_id FROM requests r JOIN organizations o ON o.id = r.organization_id
                        WHERE r.center_id = c.id AND r.category = 'pilot_production'
                        GROUP BY r.organization_id, o.name ORDER BY count(*) DESC, o.name LIMIT 1) AS enterprise,
                       (SELECT i.id FROM instructors i WHERE i.center_id = c.id ORDER BY i.name LIMIT 1) AS instructor,
                       (SELECT i.organization_id FROM instructors i WHERE i.center_id = c.id ORDER BY i.name LIMIT 1) AS instructor_org
                FROM centers c WHERE c.name = \(name)
                """
            ).first
        else { return nil }
        return Anchors(
            centerId: try row.decode("center"), operatorId: try row.decode("operator_id"),
            schoolId: try row.decode("school"), enterpriseId: try row.decode("enterprise"),
            instructorId: try row.decode("instructor"), instructorOrganizationId: try row.decode("instructor_org"))
    }
}
