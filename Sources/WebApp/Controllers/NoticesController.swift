import Access
import Domain
import Foundation
import Hummingbird
import Service

/// The caller's own notices and notice preferences.
struct NoticesController: Sendable {
    let notices: NoticeService

    /// The list, with the unread count beside it.
    struct Listing: Codable, Sendable {
        let items: [Notice]
        let unread: Int
    }

    /// What a user chooses; the version travels in `If-Match`.
    struct PreferencesInput: Codable, Sendable {
        let language: String
        let email: String?
        let emailEnabled: Bool
        let mutedEvents: [NoticeEvent]
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("notices") { request, context in
            let caller = try context.requirePrincipal()
            let unreadOnly = request.queryString("unread") == "true"
            let items = try await notices.notices(unreadOnly: unreadOnly, page: try request.queryPage(), as: caller)
            return JSONResponse(value: Listing(items: items, unread: try await notices.unreadCount(as: caller)))
        }
        router.post("notices/read-all") { _, context in
            let marked = try await notices.markAllRead(as: try context.requirePrincipal())
            return JSONResponse(value: ["marked": marked])
        }
        router.post("notices/:noticeId/read") { _, context in
            JSONResponse(
                value: try await notices.markRead(
                    try context.uuidParameter("noticeId"), as: try context.requirePrincipal()))
        }
        router.get("notice-preferences") { _, context in
            let preferences = try await notices.preferences(as: try context.requirePrincipal())
            return JSONResponse(value: preferences, version: preferences.version)
        }
        router.put("notice-preferences") { request, context in
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: PreferencesInput.self, context: context)
            let saved = try await notices.updatePreferences(
                NoticePreferences(
                    language: input.language, email: input.email, emailEnabled: input.emailEnabled,
                    mutedEvents: input.mutedEvents),
                version: version, as: try context.requirePrincipal())
            return JSONResponse(value: saved, version: saved.version)
        }
    }
}
