public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Use cases on centers and their resources. Everyone signed in reads them; admins create
/// centers; a center's managers change its resources (instructors are `OrganizationService`'s).
public struct CenterService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let resources = ResourceRepository()
    let bookings = BookingRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// Creates a center run by an existing organization.
    /// - Throws: ``ServiceError``: `.forbidden` for anyone but an admin, invalid fields, unknown
    ///   operator (422), name taken (409).
    public func create(_ input: NewCenter, as caller: Principal) async throws -> Center {
        try await database.withTransaction { try self.create(input, on: $0, as: caller) }
    }

    /// ``create(_:as:)`` inside the caller's transaction.
    public func create(_ input: NewCenter, on connection: Connection, as caller: Principal) throws -> Center {
        try Policy(caller).authorize(.create, .consortium, entity: "center")
        let fields: (name: String, timeZone: String, slotMinutes: Int)
        do { fields = try input.validated() } catch { throw ServiceError.invalid(error) }
        do {
            let center = try centers.insert(
                name: fields.name, operatorId: input.operatorId, timeZone: fields.timeZone,
                slotMinutes: fields.slotMinutes,
                on: connection)
            try audit.record(
                caller.actor, action: "create", entity: "center", id: center.id.uuidString, before: nil,
                after: center, on: connection)
            return center
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("A center named \(fields.name) already exists.", rule: "taken")
        } catch let error as DatabaseError where error.sqlState == .foreignKeyViolation {
            throw ServiceError.invalid(
                DomainError(
                    field: "operatorId", rule: "exists", message: "No organization has the id \(input.operatorId)."))
        }
    }

    /// The center, or ``ServiceError/notFound(entity:)``.
    public func center(_ id: UUID, as caller: Principal) async throws -> Center {
        let centers = centers
        return try await database.reading { connection in
            guard let center = try centers.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(id), entity: "center")
            return center
        }
    }

    /// A page of the centers.
    public func centers(page: Page, as caller: Principal) async throws -> [Center] {
        try Policy(caller).authorize(.read, .consortium, entity: "center")
        let centers = centers
        return try await database.reading { try centers.list(limit: page.limit, offset: page.offset, on: $0) }
    }
}
