import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// An SME's seat request in one of the center's shared-employee courses, keyed by the SME and
    /// the course: one seat request per course, written by
    /// ``writeRequest(_:organization:title:stored:keyColumn:center:details:on:as:)`` and titled as
    /// the courses page titles it (`course × seats`); the fields the file does not hold are kept.
    func importSeats(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let sme = try organization(row, column: "organization", schoolsOnly: false, on: connection, as: caller)
        let course = try namedCourse(row, center: centerId, on: connection)
        let seats = try row.number("seats") ?? 0
        let weekdays = try row.weekdays("preferred_weekdays")
        let stored = try storedRequests(.sharedEmployee, of: sme, center: centerId, on: connection) {
            if case .sharedEmployee(let asked) = $0.details { asked.courseRequestId == course.id } else { false }
        }
        return try writeRequest(
            row, organization: sme, title: "\(course.title) × \(seats)", stored: stored, keyColumn: "course",
            center: centerId,
            details: { stored in
                var details = SharedEmployeeDetails(courseRequestId: course.id)
                if case .sharedEmployee(let kept) = stored { details = kept }
                details.seats = seats
                details.preferredWeekdays = weekdays.isEmpty ? nil : weekdays
                return .sharedEmployee(details)
            }, on: connection, as: caller)
    }

    /// The course a row names in `course`: its id, or its title among the center's
    /// shared-employee courses (the open ones first, so a course offered again is the new one).
    private func namedCourse(_ row: ImportRow, center centerId: UUID, on connection: Connection) throws -> Request {
        let text = try row.required("course")
        let shared = try RequestRepository().all(centerId: centerId, category: .sharedEmployee, on: connection)
        let offered = shared.filter {
            if case .sharedEmployee(let details) = $0.details { details.isOffering } else { false }
        }
        if let id = UUID(uuidString: text), let course = offered.first(where: { $0.id == id }) { return course }
        let titled = offered.filter { $0.title == text }
        let open = titled.filter { !$0.state.isFinal }
        let candidates = open.isEmpty ? titled : open
        guard candidates.count <= 1 else {
            throw ImportRowFailure(
                column: "course", rule: "ambiguous", message: "Several courses are titled \(text); give its id.")
        }
        guard let course = candidates.first else {
            throw ImportRowFailure(
                column: "course", rule: "exists", message: "The center offers no shared-employee course \(text).")
        }
        return course
    }
}
