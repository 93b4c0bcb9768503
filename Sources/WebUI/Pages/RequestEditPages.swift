import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/requests/{id}`: the requester's edit form of a draft or submitted request (its
/// title and the single fields of its details), reached from the school's and the enterprise's
/// own-request lists; the use case refuses once the request is planned or approved.
struct RequestEditPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("requests/:requestId") { request, context in
            try await editPage(request, context, id: try Self.id(context), form: nil)
        }
        router.post("requests/:requestId") { request, context in
            let id = try Self.id(context)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            var errors = FieldErrors()
            do {
                let fields = Dictionary(
                    form.all("field").map { ($0, form.text("details." + $0)) }, uniquingKeysWith: { a, _ in a })
                _ = try await services.requests.edit(
                    id, RequestEdit(title: form.text("title"), fields: fields),
                    version: Int(form.text("version")) ?? 0, as: try context.reader())
                return Response.redirect(to: "/ui/requests/\(id.uuidString.lowercased())?notice=edited")
            } catch ServiceError.invalid(let error) {
                // a field the form does not show (a list of the details) lands on the general message
                let shown = Set(["title"] + form.all("field").map { "details/" + $0 })
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    guard shown.contains(field) else { return nil }
                    return field == "title" ? "title" : String(field.dropFirst("details/".count))
                }
            } catch ServiceError.conflict(let detail, let rule) {
                errors.add(
                    DomainError(field: "state", rule: rule, message: detail), strings: renderer.strings,
                    language: frame.language
                ) { _ in nil }
            }
            return try await editPage(request, context, id: id, form: form, errors: errors)
        }
    }

    /// The input a stored value is edited with: a number, a date picker or a text.
    private static func inputType(of value: String) -> String {
        if Int(value) != nil { return "number" }
        return CalendarDate(iso: value) != nil ? "date" : "text"
    }

    private static func id(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("requestId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func editPage(
        _ request: Request, _ context: some PageContext, id: UUID, form: Form?, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let found = try await services.requests.request(id, as: try context.reader())
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let stored = found.details.fields
        let editable = RequestService.editableStates.contains(found.state)
        let rows = stored.keys.filter { !$0.hasSuffix("Id") }.sorted().map { name -> [String: Any] in
            let value = form.map { $0.text("details." + name) } ?? stored[name] ?? ""
            let label = text("edit_req_\(name)")
            var row: [String: Any] = [
                "name": name, "label": label == "edit_req_\(name)" ? name : label, "value": value,
                "type": Self.inputType(of: stored[name] ?? ""),
            ]
            if let message = errors.values[name] { row["error"] = message }
            return row
        }
        let values: [String: Any] = [
            "id": id.uuidString.lowercased(), "current": found.title,
            "category": text("category_\(found.category.rawValue)"),
            "state": text("state_\(found.state.rawValue)"), "stateKey": found.state.rawValue, "editable": editable,
            "title": form?.text("title") ?? found.title, "version": form?.text("version") ?? "\(found.version)",
            "fields": rows, "errors": errors.values,
        ]
        return renderer.page("request", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
