public import Database
public import Domain
import Repositories

/// Use cases on organizations: validated, one transaction each.
public struct OrganizationService: Sendable {
    let database: Database
    let organizations = OrganizationRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Registers an organization.
    /// - Throws: ``ServiceError/invalid(_:)`` for a bad name, ``ServiceError/conflict(_:)`` when
    ///   the name is taken.
    public func create(name: String, kind: OrganizationKind) async throws -> Organization {
        try await database.withTransaction { try self.create(name: name, kind: kind, on: $0) }
    }

    /// ``create(name:kind:)`` inside the caller's transaction.
    public func create(name rawName: String, kind: OrganizationKind, on connection: Connection) throws -> Organization {
        let name: String
        do { name = try Organization.validatedName(rawName) } catch { throw ServiceError.invalid(error) }
        do {
            return try organizations.insert(name: name, kind: kind, on: connection)
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("An organization named \(name) already exists.")
        }
    }
}
