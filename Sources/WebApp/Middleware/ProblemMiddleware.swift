public import Hummingbird
import Logging

/// Turns every error thrown below it into `application/problem+json`.
///
/// Known errors (``ProblemConvertible``, and database failures through the service layer's
/// ``ServiceError`` conversion: ``ProblemDetails/of(_:)``) become their problem; anything else is logged at
/// `.error` with the request id and answered with a generic 500 that reveals nothing.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard let problem = ProblemDetails.of(error) else {
                return try internalError(error, request: request, context: context)
            }
            return try problem.response(from: request, context: context)
        }
    }

    private func internalError(_ error: any Error, request: Request, context: Context) throws -> Response {
        context.logger.error(
            "Unhandled error",
            metadata: [
                "error": "\(String(reflecting: error))",
                "http.method": "\(request.method.rawValue)",
                "http.path": "\(request.uri.path)",
            ])
        return try ProblemDetails.internalError(requestID: context.id).response(from: request, context: context)
    }
}
