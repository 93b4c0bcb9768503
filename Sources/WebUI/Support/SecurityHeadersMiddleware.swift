public import Hummingbird

/// Sets fixed header fields on every answer that passes through it. It must sit above the
/// middleware that turns errors into answers (the problem mapping, the error pages), so that
/// those answers carry the fields too.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let fields: HTTPFields

    /// - Parameter fields: the fields to set, replacing any of the same name.
    public init(_ fields: HTTPFields) {
        self.fields = fields
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        for field in fields { response.headers[field.name] = field.value }
        return response
    }
}
