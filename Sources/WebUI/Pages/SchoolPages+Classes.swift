import Access
import Domain
import Foundation
import Hummingbird
import Service

extension SchoolPages {
    /// `GET|POST /ui/school/classes/new` and `GET|POST /ui/school/classes/{id}/edit`: a school
    /// coordinator adds a class and edits its name, size, free times, weeks that differ and travel.
    func addClassRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("school/classes/new") { request, context in
            _ = try context.reader(holding: .schoolCoordinator)
            return try classPage(request, context, form: Form(encoded: "anyTime=1&size=40&travel=0"), cohortId: nil)
        }
        router.post("school/classes/new") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let form = try await Form.read(request, context: context)
            return try await saving(request, context, form: form, cohortId: nil) {
                _ = try await services.organizations.addCohort(
                    NewCohort(
                        name: form.text("name"),
                        size: try BookingForm.number(form.text("size"), field: "size") ?? 0,
                        availability: try ClassForm.availability(form)),
                    to: principal.organizationId, as: principal)
                return "classAdded"
            }
        }
        router.get("school/classes/:cohortId/edit") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let cohort = try await services.organizations.cohort(
                try cohortId(context), of: principal.organizationId, as: principal)
            return try classPage(request, context, form: ClassForm.form(of: cohort), cohortId: cohort.id)
        }
        router.post("school/classes/:cohortId/edit") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let id = try cohortId(context)
            let form = try await Form.read(request, context: context)
            return try await saving(request, context, form: form, cohortId: id) {
                _ = try await services.organizations.changeCohort(
                    id, of: principal.organizationId,
                    CohortChange(
                        name: form.text("name"), size: try BookingForm.number(form.text("size"), field: "size") ?? 0,
                        availability: try ClassForm.availability(form)),
                    version: Int(form.text("version")) ?? 0, as: principal)
                return "classChanged"
            }
        }
    }

    private func cohortId(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("cohortId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    /// Runs `save`, then returns to the school page with its notice; a refusal shows the form again
    /// with the message beside its field.
    private func saving(
        _ request: Request, _ context: some PageContext, form: Form, cohortId: UUID?,
        _ save: () async throws -> String
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        var errors = FieldErrors()
        do {
            return Response.redirect(to: "/ui/school?notice=\(try await save())")
        } catch ServiceError.invalid(let error) {
            errors.add(error, strings: renderer.strings, language: frame.language) { field in
                Self.formField(field, form: form)
            }
        } catch ServiceError.staleVersion {
            errors.add(
                DomainError(field: "version", rule: "staleVersion", message: "The class changed since you read it."),
                strings: renderer.strings, language: frame.language
            ) { _ in nil }
        }
        return try classPage(request, context, form: form, cohortId: cohortId, errors: errors)
    }

    /// The form field a service's field stands for: a weekly free time lands on its weekday's row.
    private static func formField(_ field: String, form: Form) -> String? {
        if field.hasPrefix("availability/freeTimes/"), let availability = try? ClassForm.availability(form),
            let index = field.split(separator: "/").dropFirst(2).first.flatMap({ Int($0) }),
            availability.freeTimes.indices.contains(index)
        {
            return "exact\(availability.freeTimes[index].weekday)"
        }
        if field.hasPrefix("availability/weeks") || field == "weeks" { return "weeks" }
        if field.hasPrefix("exact") { return field }
        return ["name": "name", "size": "size", "availability/travelMinutes": "travel"][field]
    }

    private func classPage(
        _ request: Request, _ context: some PageContext, form: Form, cohortId: UUID?,
        errors: FieldErrors = FieldErrors()
    ) throws -> Response {
        _ = try context.reader(holding: .schoolCoordinator)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let path = cohortId.map { "/ui/school/classes/\($0.uuidString.lowercased())/edit" } ?? "/ui/school/classes/new"
        return renderer.page(
            "classedit", frame,
            [
                "heading": cohortId == nil ? text("classes_new") : "\(text("classes_edit")) · \(form.text("name"))",
                "action": path, "form": form.echo, "errors": errors.values, "anyTime": form.text("anyTime") == "1",
                "days": ClassForm.days(form, errors: errors, text: text),
                "halfDays": ClassForm.halfDays.map {
                    ["label": text("classes_\($0.key)"), "span": "\($0.from)–\($0.to)"]
                },
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
