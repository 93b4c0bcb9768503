import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/requests`: the manager's inbox, filtered by category and state; approving a planned
/// request confirms it, rejecting asks for the reason the requester will read.
struct RequestPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("requests") { request, context in
            let center = try await services.managedCenter(for: try context.reader())
            return try await inbox(request, context, center: center)
        }
        router.post("requests/:requestId/:decision") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            guard let id = context.parameters.get("requestId").flatMap(UUID.init(uuidString:)),
                let decision = context.parameters.get("decision"), ["approve", "reject"].contains(decision)
            else { throw PageError.notFound }
            let form = try await Form.read(request, context: context)
            let back = "/ui/requests?" + (form["filter"] ?? "")
            do {
                let approve = decision == "approve"
                _ = try await services.requests.move(
                    id, to: approve ? .confirmed : .rejected, reason: approve ? nil : form["reason"],
                    version: Int(form.text("version")) ?? 0, as: principal)
                return Response.redirect(to: back + "&notice=" + (approve ? "approved" : "rejected"))
            } catch ServiceError.invalid(let error) {
                let frame = PageFrame(request, context: context)
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { _ in "reason" }
                return try await inbox(
                    request, context, center: center, failed: (id, errors, form.text("reason")),
                    filter: Form(encoded: form["filter"] ?? ""))
            }
        }
    }

    private func inbox(
        _ request: Request, _ context: some PageContext, center: Center, failed: (UUID, FieldErrors, String)? = nil,
        filter: Form? = nil
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let query = filter ?? Form(encoded: request.uri.query ?? "")
        let category = query["category"].flatMap(Domain.Category.init(rawValue:))
        let state = query["state"].flatMap(RequestState.init(rawValue:))
        let principal = try context.reader()
        let items = try await services.requests.requests(
            in: center.id, state: state, category: category, page: Page(limit: 500), as: principal)
        let organizations = Dictionary(
            try await services.organizations.organizations(kind: nil, page: Page(limit: 500), as: principal).map {
                ($0.id, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let filterQuery = [category.map { "category=\($0.rawValue)" }, state.map { "state=\($0.rawValue)" }].compactMap
        { $0 }.joined(separator: "&")
        let rows = items.map { item -> [String: Any] in
            var row: [String: Any] = [
                "id": item.id.uuidString.lowercased(), "title": item.title,
                "organization": organizations[item.organizationId] ?? "",
                "category": text("category_\(item.category.rawValue)"), "state": text("state_\(item.state.rawValue)"),
                "stateKey": item.state.rawValue,
                "version": item.version, "canApprove": item.state.successors.contains(.confirmed),
                "canReject": item.state.successors.contains(.rejected),
                "filter": filterQuery,
            ]
            if let reason = item.reason { row["reason"] = reason }
            row["placement"] = PlacementView.values(item.placement, language: frame.language)
            if let failed, failed.0 == item.id {
                row["errors"] = failed.1.values
                row["typed"] = failed.2
                row["open"] = true
            }
            return row
        }
        let values: [String: Any] = [
            "centerName": center.name, "requests": rows, "count": rows.count,
            "categories": Domain.Category.allCases.map {
                ["value": $0.rawValue, "label": text("category_\($0.rawValue)"), "selected": $0 == category]
            },
            "states": RequestState.allCases.map {
                ["value": $0.rawValue, "label": text("state_\($0.rawValue)"), "selected": $0 == state]
            },
        ]
        return renderer.page("requests", frame, values, status: failed == nil ? .ok : .unprocessableContent)
    }
}
