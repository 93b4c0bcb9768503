import HTTPTypes
public import Hummingbird
import Logging

/// Logs one line per request (method, path, status, duration) under the request id, and returns
/// that id to the caller in `X-Request-Id` so a report can be matched to the log.
public struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        response.headers[.requestID] = context.id
        context.logger.info(
            "Request",
            metadata: [
                "http.method": "\(request.method.rawValue)",
                "http.path": "\(request.uri.path)",
                "http.status": "\(response.status.code)",
                "duration_ms": "\(Double(micros) / 1000)",
            ])
        return response
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: the id under which the request was logged.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
