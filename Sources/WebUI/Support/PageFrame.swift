import Access
import Domain
import Foundation
import Hummingbird
import Service

/// What every page shows around its content: the language and its switch, who is signed in, the
/// navigation for their roles, the center they work in and its switch, the CSRF token forms
/// echo, and a one-off notice.
struct PageFrame: Sendable {
    let language: Language
    let principal: Principal?
    /// The reader's center and the centers they may switch to.
    let workplace: Workplace?
    let csrf: String?
    /// The path and query of this page, where the language switch returns.
    let path: String
    /// A notice key (`notice.booked`…) passed in the query after a redirect.
    let notice: String?
    /// Whether the browser takes a gzip-compressed page (`Accept-Encoding`).
    let acceptsGzip: Bool

    init(_ request: Request, principal: Principal?, csrf: String?, workplace: Workplace? = nil) {
        language = Language(request)
        self.principal = principal
        self.workplace = workplace
        self.csrf = csrf
        path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        acceptsGzip = request.headers[values: .acceptEncoding].contains { $0.lowercased().contains("gzip") }
        notice = request.uri.queryParameters["notice"].map(String.init).flatMap { Self.notices.contains($0) ? $0 : nil }
    }

    init(_ request: Request, context: some PageContext) {
        self.init(
            request, principal: context.principal, csrf: context.session?.csrfToken, workplace: context.workplace)
    }

    private static let notices: Set<String> = [
        "booked", "cancelled", "planQueued", "published", "approved", "rejected", "requested", "resourceAdded",
        "resourceChanged", "seriesBooked",
        "instructorAdded", "policySaved", "seatsRequested", "offered",
        "catalogueSaved", "centerSaved", "closureAdded", "closureDeleted",
        "edited",
        "termAdded", "termDeleted", "calendarSaved", "calendarImported",
        "classAdded", "classChanged", "workplaceChosen", "waitListed", "withdrawn", "bulkDecided",
        "periodsSaved",
        "attendanceSaved", "rosterSaved",
        "imported",
        "feedRevoked",
        "noticesRead", "noticeSettingsSaved",
        "quotaSaved", "quotaDeleted",
    ]

    /// The reader's unread notices, counted once per page request by ``UnreadNoticesMiddleware``.
    @TaskLocal static var unreadNotices: Int?

    /// Links for the principal's roles: path, text key.
    var navigation: [(path: String, key: String)] {
        guard let principal else { return [] }
        var links: [(String, String)] = [("/ui/", "nav_home")]
        if workplace?.manages == true {
            links += [
                ("/ui/timeline", "nav_timeline"), ("/ui/planner", "nav_planner"), ("/ui/requests", "nav_requests"),
                ("/ui/resources", "nav_resources"), ("/ui/instructors", "nav_instructors"),
                ("/ui/policy", "nav_policy"), ("/ui/quotas", "nav_quotas"),
                ("/ui/catalogue", "nav_catalogue"), ("/ui/center", "nav_center"),
                ("/ui/terms", "term_nav"), ("/ui/calendar", "calendar_nav"), ("/ui/periods", "nav_periods"),
            ]
            links.append(("/ui/organizations", "nav_organizations"))
            links.append(("/ui/no-shows", "noshows_nav"))
        }
        if workplace?.manages == true || principal.has(.auditor) { links.append(("/ui/reports", "reports_nav")) }
        if principal.has(.schoolCoordinator) {
            links += [("/ui/school", "nav_school"), ("/ui/school/teacher-courses", "teacher_nav")]
        }
        if workplace?.manages == true || principal.has(.schoolCoordinator) {
            links.append(("/ui/courses/offer", "offer_nav"))
        }
        if principal.has(.enterpriseCoordinator) {
            links += [("/ui/enterprise", "nav_enterprise"), ("/ui/enterprise/courses", "nav_courses")]
        }
        if principal.isCoordinator { links.append(("/ui/our-instructors", "nav_ourInstructors")) }
        if principal.has(.instructor) { links.append(("/ui/me", "nav_myTimetable")) }
        if workplace?.manages == true || principal.isCoordinator {
            links.append(("/ui/imports", "import_nav"))
        }
        links.append(("/ui/feeds", "feeds_nav"))
        if principal.has(.auditor) || principal.has(.admin) { links.append(("/ui/audit", "audit_nav")) }
        if principal.isCoordinator { links.append(("/ui/webhooks", "notices_webhooks_nav")) }
        return links
    }

    func values(strings: Strings) -> [String: Any] {
        let table = strings.table(language)
        let current = path.split(separator: "?").first.map(String.init) ?? path
        let other = Language.allCases.filter { $0 != language }.map { language in
            [
                "href": "/ui/lang?to=\(language.rawValue)&back="
                    + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/ui/"),
                "name": language.name, "tag": language.rawValue,
            ]
        }
        var values: [String: Any] = [
            "t": table, "lang": language.rawValue, "otherLanguages": other,
            "hasNav": principal != nil,
            "nav": navigationEntries(table, current: current),
        ]
        if let principal { values["user"] = principal.username }
        if let workplace, let current = workplace.current {
            values["workplace"] =
                [
                    "name": current.name,
                    "choices": workplace.choices.map {
                        ["id": $0.id.uuidString.lowercased(), "name": $0.name, "selected": $0.id == current.id]
                    },
                    "switchable": workplace.choices.count > 1,
                    "back": path,
                ] as [String: Any]
        }
        if let unread = Self.unreadNotices, unread > 0 { values["unreadNotices"] = unread }
        if let csrf { values["csrf"] = csrf }
        if let notice { values["notice"] = table["notice_\(notice)"] ?? notice }
        return values
    }
}
