import Access
import Database
import Dates
import Domain
import Foundation

extension DemoCenter {
    /// The consortium's second center, a coastal training base the same operator runs: where the
    /// schools of the demo also work, so people see the header's center switch (the center
    /// context) at work. Named to sort after the main center, which stays everyone's first.
    static let secondCenterName = "潍坊滨海实训基地"

    /// The second center with a lathe room, a welding room, their catalogue, opening hours, and a
    /// term request of a class of each school (every demo school coordinator has one there), three
    /// of them competing for the lathes.
    static func secondCenter(
        operatorId: UUID, orgs: [String: Organization], cohorts: [String: UUID], services: Services,
        on connection: Connection
    ) throws {
        let center = try services.centers.create(
            NewCenter(name: secondCenterName, operatorId: operatorId), on: connection, as: .system)
        try calendar(center.id, on: connection)
        for (tag, zh, en) in [("cnc.lathe", "数控车床", "CNC lathe"), ("welding.manual", "手工焊", "Manual welding")] {
            _ = try services.catalogue.add(
                NewCatalogueEntry(tag: tag, labelZh: zh, labelEn: en, kind: .equipment), to: center.id,
                on: connection, as: .system)
        }
        for (name, tag, seats) in [("滨海数控车床工位", "cnc.lathe", 20), ("滨海手工焊工位", "welding.manual", 16)] {
            _ = try services.centers.addResource(
                NewResource(kind: .workstationPool, name: name, capabilities: [tag], seats: seats), to: center.id,
                on: connection, as: .system)
        }
        for (school, cohort, course, tag) in [
            ("潍坊职业学院", "数控2402班", "滨海数控车削强化", "cnc.lathe"), ("潍坊职业学院", "机电2401班", "滨海数控车削入门", "cnc.lathe"),
            ("潍坊市工业学校", "焊接2302班", "滨海手工焊强化", "welding.manual"),
            ("潍坊理工学院", "机械设计2201班", "滨海数控车削综合", "cnc.lathe"),
        ] {
            _ = try services.requests.create(
                NewRequest(
                    organizationId: orgs[school]!.id, title: "\(cohort) \(course)",
                    details: .studentTraining(
                        .init(
                            cohortId: cohorts[cohort]!, courseName: course, sessionsPerWeek: 1, weeks: 4,
                            startDate: CalendarDate(iso: "2026-05-11")!, sessionMinutes: 180, capability: tag,
                            studentsPerStation: 2, instructorSkills: [tag])),
                    submit: true),
                in: center.id, as: .system, on: connection)
        }
    }
}
