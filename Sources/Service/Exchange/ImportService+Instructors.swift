import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension ImportService {
    /// The post types as a file may write them.
    static let postTypes: [String: Instructor.PostType] = [
        "fixed": .fixed, "固定岗": .fixed, "固定": .fixed, "flexible": .flexible, "流动岗": .flexible, "流动": .flexible,
    ]

    /// An instructor row, keyed by name and organization at the center: added or changed through
    /// the instructor use cases (their leave is kept: the file does not hold it).
    func importInstructor(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let name = try row.required("name")
        let organizationName = try row.required("organization")
        guard let organization = try OrganizationRepository().find(named: organizationName, on: connection) else {
            throw ImportRowFailure(
                column: "organization", rule: "exists", message: "No organization is named \(organizationName).")
        }
        let postText = row["post_type"].lowercased()
        guard postText.isEmpty || Self.postTypes[postText] != nil else {
            throw ImportRowFailure(
                column: "post_type", rule: "enum", message: "'\(postText)' is neither fixed nor flexible.")
        }
        let cap = try row.number("weekly_hour_cap") ?? 0
        let skills = try Self.skills(row)
        let availability = try row.weeklyTimes("availability").map {
            Instructor.Availability(weekday: $0.0, from: $0.1, to: $0.2)
        }
        let service = OrganizationService(database: database)
        let stored = try PeopleRepository().instructors(
            named: name, organizationId: organization.id, centerId: centerId, on: connection)
        guard stored.count <= 1 else {
            throw ImportRowFailure(
                column: "name", rule: "ambiguous",
                message: "\(organizationName) has several instructors named \(name) here; edit them on their pages.")
        }
        guard let current = stored.first else {
            let input = NewInstructor(
                organizationId: organization.id, name: name, postType: Self.postTypes[postText] ?? .fixed,
                weeklyHourCap: cap, skills: skills, availability: availability)
            _ = try service.addInstructor(input, to: centerId, as: caller, on: connection)
            return .created
        }
        let change = InstructorChange(
            postType: Self.postTypes[postText], weeklyHourCap: cap, skills: skills, availability: availability)
        let wanted: Instructor
        do throws(DomainError) { wanted = try change.applied(to: current) } catch { throw ServiceError.invalid(error) }
        guard Self.normalised(wanted) != Self.normalised(current) else { return .unchanged }
        _ = try service.changeInstructor(current.id, change, version: current.version, as: caller, on: connection)
        return .updated
    }

    /// The skills cell: `plc;cnc.5axis:2027-06-30` (a tag, and after a colon the date its certificate lapses).
    private static func skills(_ row: ImportRow) throws(ImportRowFailure) -> [Instructor.Skill] {
        var skills: [Instructor.Skill] = []
        for item in row.list("skills") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var expiry: CalendarDate?
            if parts.count == 2 {
                guard let date = CalendarDate(iso: parts[1]) else {
                    throw ImportRowFailure(
                        column: "skills", rule: "date",
                        message: "'\(parts[1])' is not a certificate's expiry date like 2027-06-30.")
                }
                expiry = date
            }
            skills.append(Instructor.Skill(skill: parts[0], expiresOn: expiry))
        }
        return skills
    }

    /// The instructor with its lists in one order, to compare a row with what is stored.
    private static func normalised(_ instructor: Instructor) -> Instructor {
        var sorted = instructor
        sorted.skills.sort { $0.skill < $1.skill }
        sorted.availability.sort { ($0.weekday, $0.from) < ($1.weekday, $1.from) }
        return sorted
    }
}
