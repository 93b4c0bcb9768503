import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

extension EnterprisePages {
    /// `GET /ui/enterprise/courses`: the shared-employee catalogue (each course's dates once placed,
    /// seats left, go/no-go date, the seats and people this organization named);
    /// `POST /ui/enterprise/courses/{id}/seats` buys one seat per person named on the form.
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
            let rows = SeatRows(form)
            do {
                _ = try await services.courses.buySeats(
                    NamedSeats(participants: rows.people), in: courseId, at: center.id, as: principal)
                return Response.redirect(to: "/ui/enterprise/courses?notice=seatsRequested")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { _ in "seats" }
                return try await coursesPage(request, context, failed: (courseId, errors, rows))
            } catch ServiceError.conflict(let detail, let rule) {
                var errors = FieldErrors()
                errors.add(
                    DomainError(field: "participants", rule: rule, message: detail), strings: renderer.strings,
                    language: frame.language
                ) { _ in "seats" }
                return try await coursesPage(request, context, failed: (courseId, errors, rows))
            }
        }
    }

    private func coursesPage(
        _ request: Request, _ context: some PageContext, failed: (UUID, FieldErrors, SeatRows)? = nil
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
            var row: [String: Any] = [
                "id": course.courseId.uuidString.lowercased(), "title": course.title,
                "skill": picker.label(course.skill),
                "capacity": course.capacity,
                "seatsLeft": course.seatsLeft, "minimum": course.minEnrolment, "sessions": course.sessions,
                "decisionDate": dates.day(course.decisionDate),
                "state": text("state_\(course.state.rawValue)"), "stateKey": course.state.rawValue,
                "open": course.onSale, "undated": course.timetable.isEmpty,
                "meetings": dates.meetings(course.timetable),
                "mine": course.seatRequests.map {
                    [
                        "asked": $0.asked, "allotted": $0.allotted, "state": text("state_\($0.state.rawValue)"),
                        "requestId": $0.requestId.uuidString.lowercased(),
                    ]
                },
                "rows": (failed?.0 == course.courseId ? failed?.2 : nil)?.values ?? SeatRows.blank,
            ]
            if let decision = course.decision {
                row["decision"] = decision.runs ? text("courses_runs") : text("courses_cancelled")
            }
            if let failed, failed.0 == course.courseId { row["errors"] = failed.1.values }
            return row
        }
        return renderer.page(
            "courses", frame, ["centerName": center.name, "courses": courses],
            status: failed == nil ? .ok : .unprocessableContent)
    }
}

/// The people an SME names on the seat form: up to ``count`` rows of name, employee number and
/// position; rows left blank are not seats.
struct SeatRows: Sendable {
    static let count = 4
    let typed: [(name: String, number: String, position: String)]

    init(_ form: Form) {
        typed = (0..<Self.count).map {
            (form.text("name-\($0)"), form.text("number-\($0)"), form.text("position-\($0)"))
        }
    }

    /// The people named, in the form's order.
    var people: [NewParticipant] {
        typed.filter { !($0.name + $0.number + $0.position).trimmingCharacters(in: .whitespaces).isEmpty }.map {
            NewParticipant(name: $0.name, number: $0.number, position: $0.position)
        }
    }

    /// The rows as typed, for the form shown again.
    var values: [[String: Any]] {
        typed.enumerated().map {
            ["index": $0, "n": $0 + 1, "name": $1.name, "number": $1.number, "position": $1.position]
        }
    }

    static var blank: [[String: Any]] {
        (0..<count).map { ["index": $0, "n": $0 + 1, "name": "", "number": "", "position": ""] }
    }
}
