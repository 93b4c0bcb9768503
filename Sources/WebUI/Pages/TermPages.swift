import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// A manager's terms: `/ui/terms` lists them with a form to add one (weeks off typed one per
/// line, `12 技能大赛周`), deleting an unused one; `/ui/terms/{id}` turns its teaching weeks into
/// dates and shows the holidays and closures in each.
struct TermPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("terms") { request, context in
            try await termsPage(request, context, form: Form(encoded: ""))
        }
        router.post("terms") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                let term = NewTerm(
                    name: form.text("name"), firstDay: try form.date("firstDay", field: "firstDay"),
                    weeks: Int(form.text("weeks")) ?? 0, weeksOff: Self.weeksOff(form.text("weeksOff")))
                _ = try await services.terms.create(term, in: center.id, as: principal)
                return Response.redirect(to: "/ui/terms?notice=termAdded")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    $0.hasPrefix("weeksOff")
                        ? "weeksOff" : ["name": "name", "firstDay": "firstDay", "weeks": "weeks"][$0]
                }
                return try await termsPage(request, context, form: form, errors: errors)
            }
        }
        router.post("terms/:termId/delete") { request, context in
            let form = try await Form.read(request, context: context)
            guard let id = context.parameters.get("termId").flatMap(UUID.init(uuidString:)),
                let version = Int(form.text("version"))
            else { throw PageError.notFound }
            try await services.terms.delete(id, version: version, as: try context.reader())
            return Response.redirect(to: "/ui/terms?notice=termDeleted")
        }
        router.get("terms/:termId") { request, context in
            guard let id = context.parameters.get("termId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            let principal = try context.reader()
            let term = try await services.terms.term(id, as: principal)
            let frame = PageFrame(request, context: context)
            let weeks = try await services.terms.weeks(of: id, as: principal)
            let values: [String: Any] = [
                "name": term.name, "firstDay": term.firstDay.description, "lastDay": term.lastDay.description,
                "weeks": weeks.map { week -> [String: Any] in
                    var row: [String: Any] = [
                        "week": week.week, "from": week.from.description, "to": week.to.description,
                        "closed": week.closedDays.map { "\($0.date) \($0.reason)" }.joined(separator: "；"),
                    ]
                    // a section over an empty string still renders: only weeks off carry the key
                    if let off = week.off { row["off"] = off }
                    return row
                },
            ]
            return renderer.page("term", frame, values)
        }
    }

    /// Weeks off typed one per line (or separated by `;`): a week number, then its name.
    static func weeksOff(_ text: String) -> [WeekOff] {
        text.split(whereSeparator: { $0.isNewline || $0 == ";" || $0 == "；" }).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            let digits = trimmed.prefix(while: \.isASCII).prefix(while: \.isNumber)
            return WeekOff(week: Int(digits) ?? 0, name: String(trimmed.dropFirst(digits.count)))
        }
    }

    private func termsPage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let frame = PageFrame(request, context: context)
        let terms = try await services.terms.terms(of: center.id, as: principal)
        let values: [String: Any] = [
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "terms": terms.map { term -> [String: Any] in
                [
                    "id": term.id.uuidString.lowercased(), "name": term.name, "firstDay": term.firstDay.description,
                    "lastDay": term.lastDay.description, "weeks": term.weeks, "version": term.version,
                    "weeksOff": term.weeksOff.map { "\($0.week) \($0.name)" }.joined(separator: "；"),
                ]
            },
        ]
        return renderer.page("terms", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
