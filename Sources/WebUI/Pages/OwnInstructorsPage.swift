import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/our-instructors`: a coordinator's list of the instructors affiliated with their
/// school or enterprise, each linked to its edit page (certificates, availability, leave), and a
/// form registering one more (an enterprise's own trainer, 师傅, or a school's teacher) at the center.
struct OwnInstructorsPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("our-instructors") { request, context in
            try await page(request, context, form: Form(encoded: "cap=16&from=18:00&to=21:30"))
        }
        router.post("our-instructors") { request, context in
            let principal = try context.reader()
            guard principal.isCoordinator else { throw PageError.forbidden }
            let center = try await services.center(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                let expires: CalendarDate? =
                    form.text("expiresOn").isEmpty ? nil : try form.date("expiresOn", field: "skills/0/expiresOn")
                let availability = try form.weeklyAvailability()
                _ = try await services.organizations.addInstructor(
                    NewInstructor(
                        organizationId: principal.organizationId, name: form.text("name"), postType: .flexible,
                        weeklyHourCap: try BookingForm.number(form.text("cap"), field: "weeklyHourCap") ?? 0,
                        skills: form.text("skill").isEmpty
                            ? [] : [Instructor.Skill(skill: form.text("skill"), expiresOn: expires)],
                        availability: availability),
                    to: center.id, as: principal)
                return Response.redirect(to: "/ui/our-instructors?notice=instructorAdded")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    field in
                    if field.hasPrefix("skills") { return field.hasSuffix("expiresOn") ? "expiresOn" : "skill" }
                    if field.hasPrefix("availability") { return field.hasSuffix("to") ? "to" : "from" }
                    return ["name": "name", "weeklyHourCap": "cap"][field]
                }
                return try await page(request, context, form: form, errors: errors)
            }
        }
    }

    private func page(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        guard principal.isCoordinator else { throw PageError.forbidden }
        let frame = PageFrame(request, context: context)
        let center = try? await services.center(for: principal)
        let today = center?.today()
        let instructors = try await services.organizations.affiliatedInstructors(
            of: principal.organizationId, page: Page(limit: 500), as: principal)
        var picker: TagPicker?
        if let center {
            picker = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        }
        let days = Set(form.all("weekdays"))
        return renderer.page(
            "ourinstructors", frame,
            [
                "instructors": instructors.map { instructor -> [String: Any] in
                    [
                        "id": instructor.id.uuidString.lowercased(), "name": instructor.name,
                        "skills": instructor.skills.map { skill in
                            skill.expiresOn.map { "\(skill.skill) (\($0))" } ?? skill.skill
                        }.joined(separator: ", "),
                        "leave": instructor.leave.map { "\($0.first) – \($0.last)" }.joined(separator: ", "),
                        "onLeave": today.map { instructor.isOnLeave(during: $0...$0) } ?? false,
                    ]
                },
                "canAdd": center != nil, "form": form.echo, "errors": errors.values,
                "skills": picker?.options(chosen: [form.text("skill")]) ?? [],
                "weekdays": (1...7).map {
                    [
                        "value": "\($0)", "label": renderer.strings.text("weekday_\($0)", frame.language),
                        "checked": days.contains("\($0)"),
                    ]
                },
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
