public import Access
public import Database

/// Readiness of the service: the database answers and every migration of this build is applied.
/// Liveness needs no use case (a process that answers is alive).
public struct HealthService: Sendable {
    let migrator: Migrator
    let replica: ReadReplica?

    /// - Parameters:
    ///   - migrator: the migrations this build expects, on the pool the use cases share.
    ///   - replica: the standby that takes reads, if there is one: readiness reports it.
    public init(migrator: Migrator, replica: ReadReplica? = nil) {
        self.migrator = migrator
        self.replica = replica
    }

    /// What the standby that takes reads is doing.
    public enum Standby: String, Sendable {
        /// Replaying the primary's log within the allowed lag: reads go there.
        case streaming
        /// Behind by more than the allowed lag, or cut off from its primary: reads go to the primary.
        case lagging
        /// Not a standby (promoted, say): reads go there, it is a primary of its own.
        case primary
        /// Not answering: reads go to the primary.
        case unreachable
    }

    /// Checks that the service can do its work: the primary decides it, the standby is reported.
    /// - Returns: the standby's state; `nil` without one.
    /// - Throws: ``ServiceError/unavailable(_:)`` when the database does not answer or its schema
    ///   lacks a migration of this build.
    @discardableResult
    public func checkReady() async throws(ServiceError) -> Standby? {
        let current: Bool
        do {
            current = try await migrator.isCurrent()
        } catch {
            throw ServiceError(databaseFailure: error) ?? .unavailable("The database could not be checked.")
        }
        guard current else { throw .unavailable("The database schema is not current. Run `praxis migrate`.") }
        guard let replica else { return nil }
        guard let standing = try? await replica.standing() else { return .unreachable }
        if !standing.inRecovery { return .primary }
        return standing.serves(after: nil, maxLag: replica.maxLag) ? .streaming : .lagging
    }
}
