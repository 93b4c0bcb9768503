import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/courses/offer`: a college's coordinators (or the center's managers, for its operator)
/// offer a shared-employee course and see the courses they offer, each with its dates once placed
/// and a link to its edit form (`/ui/requests/{id}`).
struct OfferingPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    /// The form's fields, in order: name, input type, text key.
    static let fields: [(name: String, type: String, key: String)] = [
        ("capacity", "number", "offer_capacity"), ("minEnrolment", "number", "offer_minimum"),
        ("decisionDate", "date", "offer_decisionDate"), ("sessions", "number", "offer_sessions"),
        ("sessionMinutes", "number", "offer_sessionMinutes"),
    ]

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("courses/offer") { request, context in
            try await offerPage(request, context, form: nil)
        }
        router.post("courses/offer") { request, context in
            let (principal, center, offerer) = try await offerer(context)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                let details = SharedEmployeeDetails(
                    capacity: try BookingForm.number(form.text("capacity"), field: "details/capacity"),
                    minEnrolment: try BookingForm.number(form.text("minEnrolment"), field: "details/minEnrolment"),
                    decisionDate: try form.date("decisionDate", field: "details/decisionDate"),
                    sessions: try BookingForm.number(form.text("sessions"), field: "details/sessions"),
                    sessionMinutes: try BookingForm.number(
                        form.text("sessionMinutes"), field: "details/sessionMinutes"),
                    skill: form.text("skill"))
                _ = try await services.requests.create(
                    NewRequest(
                        organizationId: offerer, title: form.text("title"), details: .sharedEmployee(details),
                        submit: true),
                    in: center.id, as: principal)
                return Response.redirect(to: "/ui/courses/offer?notice=offered")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    let name = field.replacingOccurrences(of: "details/", with: "")
                    return Self.fields.contains { $0.name == name } || name == "title" || name == "skill" ? name : nil
                }
                return try await offerPage(request, context, form: form, errors: errors)
            }
        }
    }

    /// The reader, their center and the organization that offers: the reader's college, or the
    /// center's operator for its managers.
    private func offerer(_ context: some PageContext) async throws -> (Principal, Center, UUID) {
        let principal = try context.reader()
        let center = try await services.center(for: principal)
        if principal.managedCenters.contains(center.id) { return (principal, center, center.operatorId) }
        guard principal.has(.schoolCoordinator) else { throw PageError.forbidden }
        return (principal, center, principal.organizationId)
    }

    private func offerPage(
        _ request: Request, _ context: some PageContext, form: Form?, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let (principal, center, offerer) = try await offerer(context)
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let picker = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        let offered = try await services.courses.catalogue(of: center.id, as: principal).filter {
            $0.offeredBy == offerer
        }.map { course -> [String: Any] in
            [
                "id": course.courseId.uuidString.lowercased(), "title": course.title,
                "skill": picker.label(course.skill),
                "state": text("state_\(course.state.rawValue)"), "stateKey": course.state.rawValue,
                "capacity": course.capacity, "asked": course.seatsRequested,
                "decisionDate": dates.day(course.decisionDate), "undated": course.timetable.isEmpty,
                "meetings": dates.meetings(course.timetable),
            ]
        }
        let inputs = Self.fields.map { field -> [String: Any] in
            var row: [String: Any] = [
                "name": field.name, "type": field.type, "label": text(field.key), "value": form?.text(field.name) ?? "",
            ]
            if let error = errors.values[field.name] { row["error"] = error }
            return row
        }
        let values: [String: Any] = [
            "centerName": center.name, "courses": offered, "inputs": inputs, "errors": errors.values,
            "typedTitle": form?.text("title") ?? "",
            "skillPicker": picker.field(
                name: "skill", legend: text("offer_skill"), chosen: form.map { [$0.text("skill")] } ?? [],
                errors: errors),
        ]
        return renderer.page("offer", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
