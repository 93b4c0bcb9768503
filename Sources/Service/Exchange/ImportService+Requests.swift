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
        let service = RequestService(database: database)
        let stored = try RequestRepository().all(centerId: centerId, category: .studentTraining, on: connection)
            .filter { $0.organizationId == school && $0.title == title }
        guard stored.count <= 1 else {
            throw ImportRowFailure(
                column: "title", rule: "ambiguous", message: "The school has several requests titled \(title) here.")
        }
        guard let current = stored.first, case .studentTraining(let kept) = current.details else {
            let details = try Self.training(row, cohort: cohort.id, keeping: nil)
            let input = NewRequest(
                organizationId: school, title: title, details: .studentTraining(details),
                submit: Self.yes.contains(row["submit"].lowercased()))
            _ = try service.create(input, in: centerId, as: caller, on: connection)
            return .created
        }
        let details = try Self.training(row, cohort: cohort.id, keeping: kept)
        guard details != kept else {
            // an unchanged row is still the caller's to write: the same answer as a changed one
            try Policy(caller).authorize(.change, .work(Work(current)), entity: "request")
            return .unchanged
        }
        _ = try service.edit(
            current.id, RequestEdit(details: .studentTraining(details)), version: current.version, on: connection,
            as: caller)
        return .updated
    }

    /// What a `submit` cell says to submit a new request at once.
    private static let yes: Set<String> = ["yes", "y", "true", "1", "是", "提交"]

    /// The row's training details over `kept` (a stored request's, whose other fields stay).
    private static func training(
        _ row: ImportRow, cohort: UUID, keeping kept: StudentTrainingDetails?
    ) throws(ImportRowFailure) -> StudentTrainingDetails {
        let startText = try row.required("start_date")
        guard let start = CalendarDate(iso: startText) else {
            throw ImportRowFailure(
                column: "start_date", rule: "date", message: "'\(startText)' is not a date like 2026-03-02.")
        }
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
        let days = try weekdays(row)
        details.preferredWeekdays = days.isEmpty ? nil : days
        return details
    }

    /// The preferred weekdays: ISO numbers (1 = Monday) or names (`Mon`, `周一`).
    private static func weekdays(_ row: ImportRow) throws(ImportRowFailure) -> [Int] {
        var days: [Int] = []
        for item in row.list("preferred_weekdays") {
            let day =
                Int(item)
                ?? (1...7).first {
                    WeekdayName.english($0).lowercased() == item.lowercased() || WeekdayName.chinese($0) == item
                }
            guard let day else {
                throw ImportRowFailure(
                    column: "preferred_weekdays", rule: "weekday",
                    message: "'\(item)' is not a weekday like 1, Mon or 周一.")
            }
            days.append(day)
        }
        return days
    }
}
