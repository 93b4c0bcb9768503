public import Access
public import Database

/// Readiness of the service: the database answers and every migration of this build is applied.
/// Liveness needs no use case (a process that answers is alive).
public struct HealthService: Sendable {
    let migrator: Migrator

    /// - Parameter migrator: the migrations this build expects, on the pool the use cases share.
    public init(migrator: Migrator) {
        self.migrator = migrator
    }

    /// Checks that the service can do its work.
    /// - Throws: ``ServiceError/unavailable(_:)`` when the database does not answer or its schema
    ///   lacks a migration of this build.
    public func checkReady() async throws(ServiceError) {
        let current: Bool
        do {
            current = try await migrator.isCurrent()
        } catch {
            throw ServiceError(databaseFailure: error) ?? .unavailable("The database could not be checked.")
        }
        guard current else { throw .unavailable("The database schema is not current. Run `praxis migrate`.") }
    }
}
