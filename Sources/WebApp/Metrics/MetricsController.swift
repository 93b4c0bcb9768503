import Access
import Hummingbird
import Prometheus
import Service

/// `GET /metrics`: every metric of this process in Prometheus's text format, for a scraper that
/// sends `Authorization: Bearer <PRAXIS_METRICS_TOKEN>`. Without that setting metrics are off and
/// the route answers 404; a wrong or missing token gets 401.
struct MetricsController<Context: RequestContext>: Sendable {
    let operations: OperationsService
    let token: String?

    func addRoutes(to router: RouterGroup<Context>) {
        router.get("metrics") { request, _ in
            guard let token else { throw ProblemDetails.notFound() }
            let sent = request.headers[.authorization].flatMap { header -> String? in
                header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : nil
            }
            guard let sent, Secret.constantTimeEquals(sent, token) else {
                throw ServiceError.unauthenticated
            }
            // the pool and queue gauges are read now; a database that does not answer leaves them as they were
            try? await operations.recordGauges()
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: AppMetrics.registry.emitToBuffer())))
        }
    }
}
