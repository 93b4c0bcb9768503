import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `/ui/feeds`: the reader's calendar feeds. A picker of what they may subscribe to, a list of
/// their feeds with a revoke that asks first (`?revoke=ID` shows the question), and, right after
/// making one, its address to copy and a `webcal://` link: shown this once.
struct FeedPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("feeds") { request, context in
            try await feedsPage(request, context, issued: nil)
        }
        router.post("feeds") { request, context in
            let principal = try context.reader()
            let form = try await Form.read(request, context: context)
            let parts = form.text("subject").split(separator: ":", maxSplits: 1).map(String.init)
            let input = NewFeedSubscription(
                kind: parts.first ?? "", subjectId: parts.count == 2 ? UUID(uuidString: parts[1]) : nil)
            let issued = try await services.feeds.create(input, as: principal)
            return try await feedsPage(request, context, issued: FeedAddress(of: issued, from: request))
        }
        router.post("feeds/:feedId/revoke") { _, context in
            let principal = try context.reader()
            guard let id = context.parameters.get("feedId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            _ = try await services.feeds.revoke(id, as: principal)
            return Response.redirect(to: "/ui/feeds?notice=feedRevoked")
        }
    }

    private func feedsPage(
        _ request: Request, _ context: some PageContext, issued: FeedAddress?
    ) async throws
        -> Response
    {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: FeedService.defaultZone)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let asking = request.uri.queryParameters["revoke"].flatMap { UUID(uuidString: String($0)) }
        let feeds = try await services.feeds.subscriptions(page: Page(limit: 200), as: principal).map {
            feed -> [String: Any] in
            [
                "id": feed.id.uuidString.lowercased(), "name": feed.name, "kind": text("feeds_kind_\(feed.kind)"),
                "created": dates.day(feed.createdAt) + " " + dates.time(feed.createdAt),
                "revoked": feed.revokedAt != nil,
                "asking": feed.id == asking,
            ]
        }
        let choices = try await FeedChoices(services: services, strings: renderer.strings)
            .groups(for: principal, language: frame.language)
        var values: [String: Any] = ["feeds": feeds, "choices": choices]
        if let issued { values["issued"] = ["url": issued.url, "webcal": issued.webcal] }
        return renderer.page("feeds", frame, values)
    }
}
