public import Access
public import Database
import Domain
import Repositories

/// Reads the audit trail, newest first, for admins and auditors.
public struct AuditTrail: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The rows that match `filter`, newest first.
    /// - Throws: ``ServiceError/forbidden(_:rule:)`` for anyone but admins and auditors; `.invalid` for
    ///   a filter ``AuditFilter/check()`` refuses.
    public func entries(
        _ filter: AuditFilter, limit: Int, offset: Int, as caller: Principal
    ) async throws -> [AuditEntry] {
        try await database.withConnection { connection in
            try Policy(caller).authorize(.read, .auditTrail, entity: "audit entry")
            do throws(DomainError) { try filter.check() } catch { throw ServiceError.invalid(error) }
            return try AuditRepository().entries(filter, limit: limit, offset: offset, on: connection)
        }
    }
}
