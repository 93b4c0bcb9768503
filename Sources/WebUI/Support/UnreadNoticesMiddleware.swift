import Hummingbird
import Service

/// Counts the signed-in reader's unread notices for the header's link (one small query per page
/// shown); a failure to count leaves the link without a number rather than failing the page.
struct UnreadNoticesMiddleware<Context: PageContext>: RouterMiddleware {
    let notices: NoticeService

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get, let principal = context.principal else { return try await next(request, context) }
        let unread = try? await notices.unreadCount(as: principal)
        return try await PageFrame.$unreadNotices.withValue(unread) { try await next(request, context) }
    }
}
