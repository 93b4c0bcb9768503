import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/requests`: the manager's inbox, filtered by category and state, with counts per state
/// that add up to the list. Each request is decided in place (approve a planned request, reject or
/// wait-list with the reason the requester reads, withdraw); several at once in
/// `RequestPages+Bulk.swift`.
struct RequestPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    /// A decision's path word, its state and the notice after it.
    static let decisions: [String: (state: RequestState, notice: String)] = [
        "approve": (.confirmed, "approved"), "reject": (.rejected, "rejected"),
        "waitlist": (.waitListed, "waitListed"), "withdraw": (.cancelled, "withdrawn"),
    ]

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("requests") { request, context in
            let center = try await services.managedCenter(for: try context.reader())
            return try await inbox(request, context, center: center)
        }
        addBulkRoute(to: router)
        router.post("requests/:requestId/:decision") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            guard let id = context.parameters.get("requestId").flatMap(UUID.init(uuidString:)),
                let decision = context.parameters.get("decision").flatMap({ Self.decisions[$0] })
            else { throw PageError.notFound }
            let form = try await Form.read(request, context: context)
            let back = "/ui/requests?" + (form["filter"] ?? "")
            do {
                _ = try await services.requests.move(
                    id, to: decision.state, reason: form["reason"], version: Int(form.text("version")) ?? 0,
                    as: principal)
                return Response.redirect(to: back + "&notice=" + decision.notice)
            } catch ServiceError.invalid(let error) {
                let frame = PageFrame(request, context: context)
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { _ in "reason" }
                return try await inbox(
                    request, context, center: center, failed: .init(id: id, errors: errors, typed: form.text("reason")),
                    filter: Form(encoded: form["filter"] ?? ""))
            }
        }
    }

    /// A refused decision shown again: the request (`nil` for a bulk decision), its messages and
    /// the reason typed.
    struct Failed {
        var id: UUID?
        var errors: FieldErrors
        var typed: String
        var picked: Set<String> = []
        var message: String? = nil
    }

    func inbox(
        _ request: Request, _ context: some PageContext, center: Center, failed: Failed? = nil, filter: Form? = nil
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let query = filter ?? Form(encoded: request.uri.query ?? "")
        let category = query["category"].flatMap(Domain.Category.init(rawValue:))
        let state = query["state"].flatMap(RequestState.init(rawValue:))
        let principal = try context.reader()
        let all = try await services.requests.requests(
            in: center.id, state: nil, category: category, page: Page(limit: 500), as: principal)
        let shown = all.filter { state == nil || $0.state == state }
        let organizations = Dictionary(
            try await services.organizations.organizations(kind: nil, page: Page(limit: 500), as: principal).map {
                ($0.id, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let filterQuery = [category.map { "category=\($0.rawValue)" }, state.map { "state=\($0.rawValue)" }]
            .compactMap { $0 }.joined(separator: "&")
        let view = InboxView(
            strings: renderer.strings, language: frame.language,
            dates: DateText(language: frame.language, timeZone: center.zone), organizations: organizations,
            tags: try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language))
        let rows = view.rows(shown, among: all, filter: filterQuery).map { row -> [String: Any] in
            var row = row
            let pick = "\(row["id"] ?? ""):\(row["version"] ?? "")"
            row["pick"] = pick
            row["picked"] = failed?.picked.contains(pick) == true
            if let failed, let id = failed.id, id.uuidString.lowercased() == row["id"] as? String {
                row["errors"] = failed.errors.values
                row["typed"] = failed.typed
                row["open"] = true
            }
            return row
        }
        var values: [String: Any] = [
            "centerName": center.name, "requests": rows, "count": rows.count, "filter": filterQuery,
            "counts": view.counts(all, chosen: state, category: category), "total": all.count,
            "categories": Domain.Category.allCases.map {
                ["value": $0.rawValue, "label": text("category_\($0.rawValue)"), "selected": $0 == category]
            },
            "states": RequestState.allCases.map {
                ["value": $0.rawValue, "label": text("state_\($0.rawValue)"), "selected": $0 == state]
            },
        ]
        if let failed, failed.id == nil {
            values["bulkErrors"] = failed.errors.values
            values["bulkTyped"] = failed.typed
            if let message = failed.message { values["bulkMessage"] = message }
        }
        return renderer.page("requests", frame, values, status: failed == nil ? .ok : .unprocessableContent)
    }
}
