import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension ImportService {
    /// A student-training request row, keyed by its title among its school's student-training
    /// requests at the center: created through ``RequestService/create(_:in:as:)`` (submitted when
    /// `submit` says so, else a draft) or, while a draft or submitted, edited through the request
    /// edit use case. The fields the file does not hold (groups, term, mentor) are kept.
    func importRequest(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let school = try organization(row, column: "organization", schoolsOnly: false, on: connection, as: caller)
        let title = try row.required("title")
        let className = try row.required("class")
        guard let cohort = try PeopleRepository().cohort(named: className, organizationId: school, on: connection)
        else {
            throw ImportRowFailure(
                column: "class", rule: "exists", message: "The school has no class named \(className).")
        }
        let stored = try storedRequests(.studentTraining, of: school, center: centerId, on: connection) {
            $0.title == title
        }
        return try writeRequest(
            row, organization: school, title: title, stored: stored, keyColumn: "title", center: centerId,
            details: { stored in
                let kept: StudentTrainingDetails? = if case .studentTraining(let kept) = stored { kept } else { nil }
                return .studentTraining(try Self.training(row, cohort: cohort.id, keeping: kept))
            }, on: connection, as: caller)
    }

    /// The row's training details over `kept` (a stored request's, whose other fields stay).
    private static func training(
        _ row: ImportRow, cohort: UUID, keeping kept: StudentTrainingDetails?
    ) throws(ImportRowFailure) -> StudentTrainingDetails {
        let start = try row.date("start_date")
        var details =
            kept
            ?? StudentTrainingDetails(
                cohortId: cohort, courseName: "", sessionsPerWeek: 0, weeks: 0, startDate: start, sessionMinutes: nil,
                capability: "", studentsPerStation: 1, instructorSkills: [])
        details.cohortId = cohort
        details.courseName = try row.required("course")
        details.sessionsPerWeek = try row.number("sessions_per_week") ?? 0
        details.weeks = try row.number("weeks") ?? 0
        details.startDate = start
        details.sessionMinutes = try row.number("session_minutes")
        details.sessionPeriods = try row.number("session_periods")
        details.capability = try row.required("capability")
        details.studentsPerStation = try row.number("students_per_station") ?? 1
        details.instructorSkills = row.list("instructor_skills")
        let days = try row.weekdays("preferred_weekdays")
        details.preferredWeekdays = days.isEmpty ? nil : days
        return details
    }
}
