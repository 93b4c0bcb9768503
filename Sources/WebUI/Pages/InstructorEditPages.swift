import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/instructors/{id}`: an instructor's edit form for the center's managers and the
/// coordinators of the instructor's organization: name, affiliation, post, weekly cap, skills
/// with their certificate expiry, weekly availability and leave (one row each, and empty rows
/// to add more; a row left empty is dropped).
struct InstructorEditPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("instructors/:instructorId") { request, context in
            try await editPage(request, context, id: try Self.id(context), form: nil)
        }
        router.post("instructors/:instructorId") { request, context in
            let id = try Self.id(context)
            let form = try await Form.read(request, context: context)
            do {
                _ = try await services.organizations.changeInstructor(
                    id, try InstructorForm(form).change(), version: Int(form.text("version")) ?? 0,
                    as: try context.reader())
                return Response.redirect(to: "/ui/instructors/\(id.uuidString.lowercased())?notice=edited")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    InstructorForm.field(for: $0)
                }
                return try await editPage(request, context, id: id, form: form, errors: errors)
            }
        }
    }

    private static func id(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("instructorId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func editPage(
        _ request: Request, _ context: some PageContext, id: UUID, form: Form?, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let instructor = try await services.organizations.instructor(id, as: principal)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let shown = form ?? InstructorForm.filled(from: instructor)
        let organizations = try await services.organizations.organizations(
            kind: nil, page: Page(limit: 500), as: principal
        )
        .filter { $0.kind.isSchool || $0.kind.isEnterprise }
        let chosen = shown.text("organization").lowercased()
        var values = InstructorForm.rows(of: shown, weekdayLabels: (1...7).map { text("weekday_\($0)") })
        values.merge([
            "id": id.uuidString.lowercased(), "current": instructor.name, "form": shown.echo, "errors": errors.values,
            "version": shown.text("version"),
            "organizations": organizations.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == chosen,
                ]
            },
            "postTypes": Instructor.PostType.allCases.map {
                [
                    "value": $0.rawValue, "label": text("post_\($0.rawValue)"),
                    "selected": $0.rawValue == shown.text("postType"),
                ]
            },
            "manages": !principal.managedCenters.isEmpty || principal.has(.admin),
        ]) { _, new in new }
        return renderer.page("instructor", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
