import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `/ui/notices`: the reader's notices, newest first, unread ones marked, each linking to its page,
/// with forms to mark one or all read.
struct NoticePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("notices") { request, context in
            let principal = try context.reader()
            let frame = PageFrame(request, context: context)
            let notices = try await services.notices.notices(page: Page(limit: 200), as: principal)
            let zone = (try? await services.center(for: principal))?.zone ?? TimeZone(identifier: "Asia/Shanghai")!
            let dates = DateText(language: frame.language, timeZone: zone)
            return renderer.page(
                "notices", frame,
                [
                    "notices": notices.map { notice -> [String: Any] in
                        [
                            "id": notice.id.uuidString.lowercased(), "title": notice.title, "body": notice.body,
                            "link": Self.page(of: notice, manager: frame.workplace?.manages == true),
                            "unread": notice.readAt == nil,
                            "when": dates.day(notice.createdAt) + " " + dates.time(notice.createdAt),
                        ]
                    },
                    "anyUnread": notices.contains { $0.readAt == nil },
                ])
        }
        router.post("notices/read-all") { request, context in
            let principal = try context.reader()
            _ = try await Form.read(request, context: context)
            _ = try await services.notices.markAllRead(as: principal)
            return Response.redirect(to: "/ui/notices?notice=noticesRead")
        }
        router.post("notices/:noticeId/read") { request, context in
            let principal = try context.reader()
            _ = try await Form.read(request, context: context)
            guard let id = context.parameters.get("noticeId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            _ = try await services.notices.markRead(id, as: principal)
            return Response.redirect(to: "/ui/notices?notice=noticesRead")
        }
    }

    /// The page a notice opens: for the center's manager a request's notice opens the request in
    /// the inbox (the manager's view, with its decisions), for anyone else the requester's page.
    static func page(of notice: Notice, manager: Bool) -> String {
        let request = "/requests/"
        if manager, notice.link.hasPrefix(request), !notice.link.dropFirst(request.count).contains("/") {
            return "/ui/requests#request-" + notice.link.dropFirst(request.count)
        }
        return "/ui" + notice.link
    }
}
