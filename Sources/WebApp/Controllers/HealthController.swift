import Hummingbird
import Service

/// Liveness and readiness probes for process supervisors and load balancers. Public: they are
/// mounted where the authentication middleware does not run.
struct HealthController<Context: RequestContext>: Sendable {
    let health: HealthService

    func addRoutes(to router: RouterGroup<Context>) {
        router.get("healthz") { _, _ in Status(status: "ok") }
        router.get("readyz") { _, _ in try await ready() }
    }

    /// 200 when the database answers and every migration of this build is applied; 503 otherwise.
    /// With a standby for reads, what it does (it does not decide readiness: reads fall back).
    func ready() async throws -> Status {
        Status(status: "ready", standby: try await health.checkReady()?.rawValue)
    }

    struct Status: ResponseEncodable {
        let status: String
        var standby: String? = nil
    }
}
