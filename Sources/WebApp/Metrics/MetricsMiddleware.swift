import Hummingbird
import Metrics

/// Counts every answer by route pattern (`/centers/{centerId}/bookings`, never the raw path),
/// method and status (`praxis_http_requests_total`) and times it
/// (`praxis_http_request_duration_seconds`, a histogram). Unmatched paths count as `unmatched`.
/// Keeps ``RequestsInFlight`` while a request is answered.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let started = ContinuousClock.now
        RequestsInFlight.started()
        defer { RequestsInFlight.ended() }
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: status, since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        Counter(
            label: "praxis_http_requests_total",
            dimensions: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        Timer(label: "praxis_http_request_duration_seconds", dimensions: [("route", route), ("method", method)])
            .record(duration: ContinuousClock.now - started)
    }
}
