import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

extension EnterprisePages {
    /// `GET /ui/enterprise/courses`: the shared-employee catalogue (seats left, go/no-go date, the
    /// seats this organization asked for); `POST /ui/enterprise/courses/{id}/seats` buys seats.
    func addCourseRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("enterprise/courses") { request, context in
            try await coursesPage(request, context)
        }
        router.post("enterprise/courses/:courseId/seats") { request, context in
            let principal = try context.reader(holding: .enterpriseCoordinator)
            let center = try await services.center(for: principal)
            guard let courseId = context.parameters.get("courseId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                let seats = try BookingForm.number(form.text("seats"), field: "details/seats") ?? 0
                _ = try await services.courses.askSeats(seats, in: courseId, at: center.id, as: principal)
                return Response.redirect(to: "/ui/enterprise/courses?notice=seatsRequested")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { _ in "seats" }
                return try await coursesPage(request, context, failed: (courseId, errors, form.text("seats")))
            }
        }
    }

    private func coursesPage(
        _ request: Request, _ context: some PageContext, failed: (UUID, FieldErrors, String)? = nil
    ) async throws -> Response {
        let principal = try context.reader(holding: .enterpriseCoordinator)
        let center = try await services.center(for: principal)
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let picker = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        let courses = try await services.courses.catalogue(of: center.id, as: principal).map {
            course -> [String: Any] in
            // the catalogue holds only this organization's own seat requests; others' are summed in seats left
            let mine = course.seatRequests
            var row: [String: Any] = [
                "id": course.courseId.uuidString.lowercased(), "title": course.title,
                "skill": picker.label(course.skill),
                "capacity": course.capacity,
                "seatsLeft": course.seatsLeft, "minimum": course.minEnrolment, "sessions": course.sessions,
                "decisionDate": dates.day(course.decisionDate),
                "state": text("state_\(course.state.rawValue)"), "stateKey": course.state.rawValue,
                "open": course.state.isLive && course.decision == nil,
                "mine": mine.map {
                    ["asked": $0.asked, "allotted": $0.allotted, "state": text("state_\($0.state.rawValue)")]
                },
            ]
            if let decision = course.decision {
                row["decision"] = decision.runs ? text("courses_runs") : text("courses_cancelled")
            }
            if let failed, failed.0 == course.courseId {
                row["errors"] = failed.1.values
                row["typed"] = failed.2
            }
            return row
        }
        return renderer.page(
            "courses", frame, ["centerName": center.name, "courses": courses],
            status: failed == nil ? .ok : .unprocessableContent)
    }
}
