public import Database
public import Domain
public import Foundation

extension PeopleRepository {
    /// The center's instructors of an organization with this name (an import's natural key; the
    /// schema does not make it unique, so there may be several).
    public func instructors(
        named name: String, organizationId: UUID, centerId: UUID, on connection: Connection
    ) throws -> [Instructor] {
        try instructors(
            where: "i.center_id = \(centerId) AND i.organization_id = \(organizationId) AND i.name = \(name)",
            limit: 2, offset: 0, on: connection)
    }

    /// The organization's cohort with this name, if any (names are unique per organization).
    public func cohort(named name: String, organizationId: UUID, on connection: Connection) throws -> Cohort? {
        try cohorts(where: "c.organization_id = \(organizationId) AND c.name = \(name)", on: connection).first
    }
}
