import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension ImportService {
    /// An employee-upskilling request row, keyed by its title (the course when empty) among its
    /// enterprise's upskilling requests at the center, written by
    /// ``writeRequest(_:organization:title:stored:keyColumn:center:details:on:as:)``; the file holds
    /// every field of the form, so nothing is kept.
    func importUpskilling(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let enterprise = try organization(row, column: "organization", schoolsOnly: false, on: connection, as: caller)
        let course = try row.required("course")
        let title = row["title"].isEmpty ? course : row["title"]
        var group: UUID?
        if !row["group"].isEmpty {
            guard
                let cohort = try PeopleRepository().cohort(
                    named: row["group"], organizationId: enterprise, on: connection)
            else {
                throw ImportRowFailure(
                    column: "group", rule: "exists", message: "The organization has no group named \(row["group"]).")
            }
            group = cohort.id
        }
        var details = EmployeeUpskillingDetails(
            participants: try row.number("participants") ?? 0, course: course, skill: try row.required("skill"),
            totalHours: try row.number("total_hours") ?? 0, sessionMinutes: try row.number("session_minutes") ?? 0,
            earliest: try row.date("earliest"), latest: try row.date("latest"),
            allowedTimes: try Self.allowedTimes(row), cohortId: group, trainingType: try Self.trainingType(row))
        if let theory = try Self.theory(row), details.sessionMinutes > 0 {
            details.parts =
                [
                    CoursePart(
                        kind: .theory, capability: nil, skill: details.skill, sessionMinutes: theory.minutes,
                        sessions: theory.sessions)
                ] + details.effectiveParts
        }
        let stored = try storedRequests(.employeeUpskilling, of: enterprise, center: centerId, on: connection) {
            $0.title == title
        }
        return try writeRequest(
            row, organization: enterprise, title: title, stored: stored, keyColumn: "title", center: centerId,
            details: { _ in .employeeUpskilling(details) }, on: connection, as: caller)
    }

    /// The names the `training_type` cell takes: the API's values or their Chinese names.
    static let trainingTypes: [String: TrainingType] = [
        "岗前培训": .preJob, "岗前": .preJob, "岗位培训": .onJob, "岗位": .onJob, "继续教育": .continuing,
        "教师岗位实践": .teacherPractice, "教师培训": .teacherTraining,
    ]

    /// The `training_type` cell, `nil` when empty.
    private static func trainingType(_ row: ImportRow) throws(ImportRowFailure) -> TrainingType? {
        let text = row["training_type"]
        guard !text.isEmpty else { return nil }
        guard let type = TrainingType(rawValue: text) ?? trainingTypes[text] else {
            throw ImportRowFailure(
                column: "training_type", rule: "enum",
                message: "'\(text)' is none of 岗前培训, 岗位培训, 继续教育, 教师岗位实践, 教师培训 (or preJob, onJob, …).")
        }
        return type
    }

    /// The `theory` cell, `2x120` (two sessions of 120 minutes in any classroom, before the practice
    /// the other columns describe), `nil` when empty.
    private static func theory(_ row: ImportRow) throws(ImportRowFailure) -> (sessions: Int, minutes: Int)? {
        let text = row["theory"].replacingOccurrences(of: "×", with: "x").lowercased()
        guard !text.isEmpty else { return nil }
        let pieces = text.split(separator: "x").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard pieces.count == 2 else {
            throw ImportRowFailure(
                column: "theory", rule: "format",
                message: "'\(row["theory"])' is not sessions x minutes, like 2x120.")
        }
        return (pieces[0], pieces[1])
    }

    /// The `allowed_times` cell (weekly times, `Mon EVE;Tue EVE;Sat 08:00-17:00`) as allowed
    /// times, the weekdays of one span together; `nil` (any open time) when empty.
    private static func allowedTimes(
        _ row: ImportRow
    ) throws(ImportRowFailure) -> [EmployeeUpskillingDetails.AllowedTime]? {
        var times: [EmployeeUpskillingDetails.AllowedTime] = []
        for (weekday, from, to) in try row.weeklyTimes("allowed_times") {
            if let index = times.firstIndex(where: { $0.from == from && $0.to == to }) {
                if !times[index].weekdays.contains(weekday) { times[index].weekdays.append(weekday) }
            } else {
                times.append(.init(weekdays: [weekday], from: from, to: to))
            }
        }
        return times.isEmpty ? nil : times
    }
}
