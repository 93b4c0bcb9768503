import Access
import Domain
import Foundation
import Hummingbird
import Service

extension SetupPages {
    /// `GET|POST /ui/instructors`: the center's instructors and a form to add one.
    func addInstructorRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("instructors") { request, context in
            try await instructorsPage(request, context, form: Form(encoded: ""))
        }
        router.post("instructors") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                guard let organizationId = UUID(uuidString: form.text("organization")) else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "organizationId", rule: "required", message: "Choose the school or enterprise."))
                }
                let availability = try form.weeklyAvailability()
                _ = try await services.organizations.addInstructor(
                    NewInstructor(
                        organizationId: organizationId, name: form.text("name"),
                        postType: Instructor.PostType(rawValue: form.text("postType")) ?? .fixed,
                        weeklyHourCap: try BookingForm.number(form.text("cap"), field: "weeklyHourCap") ?? 0,
                        skills: form.all("skills").map { Instructor.Skill(skill: $0) },
                        availability: availability),
                    to: center.id, as: principal)
                return Response.redirect(to: "/ui/instructors?notice=instructorAdded")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    if field.hasPrefix("skills") { return "skills" }
                    if field.hasPrefix("availability") { return field.hasSuffix("to") ? "to" : "from" }
                    return ["name": "name", "weeklyHourCap": "cap", "organizationId": "organization"][field]
                }
                return try await instructorsPage(request, context, form: form, errors: errors)
            }
        }
    }

    private func instructorsPage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let organizations = try await services.organizations.organizations(
            kind: nil, page: Page(limit: 500), as: principal
        )
        .filter { $0.kind.isSchool || $0.kind.isEnterprise }
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let chosenDays = Set(form.all("weekdays"))
        let picker = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        let values: [String: Any] = [
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "instructors": try await services.organizations.instructors(
                of: center.id, page: Page(limit: 500), as: principal
            ).map {
                instructor -> [String: Any] in
                [
                    "name": instructor.name, "organization": names[instructor.organizationId] ?? "",
                    "postType": text("post_\(instructor.postType.rawValue)"), "cap": instructor.weeklyHourCap,
                    "skills": picker.labels(instructor.skills.map(\.skill)),
                    "id": instructor.id.uuidString.lowercased(),
                    "onLeave": instructor.isOnLeave(during: center.today()...center.today()),
                ]
            },
            "organizations": organizations.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == form.text("organization").lowercased(),
                ]
            },
            "skillPicker": picker.field(
                name: "skills", legend: text("instructors_skills"), chosen: form.all("skills"), errors: errors),
            "postTypes": Instructor.PostType.allCases.map {
                [
                    "value": $0.rawValue, "label": text("post_\($0.rawValue)"),
                    "selected": $0.rawValue == form.text("postType"),
                ]
            },
            "weekdays": (1...7).map {
                ["value": "\($0)", "label": text("weekday_\($0)"), "checked": chosenDays.contains("\($0)")]
            },
        ]
        return renderer.page("instructors", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
