import Database
import Hummingbird

/// Liveness and readiness probes for process supervisors and load balancers.
struct HealthController<Context: RequestContext>: Sendable {
    let database: Database
    let migrator: Migrator

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in Status(status: "ok") }
        router.get("readyz") { _, _ in try await ready() }
    }

    /// 200 when the database answers and every migration of this build is applied; 503 otherwise.
    func ready() async throws -> Status {
        let current: Bool
        do {
            current = try await migrator.isCurrent()
        } catch let error as DatabaseError where error.code == .connectionFailure || error.code == .poolClosed {
            throw ProblemDetails.unavailable("The database is unreachable.")
        }
        guard current else {
            throw ProblemDetails.unavailable("The database schema is not current. Run `praxis migrate`.")
        }
        return Status(status: "ready")
    }

    struct Status: ResponseEncodable {
        let status: String
    }
}
