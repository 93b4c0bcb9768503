import Access
import Database
import Dates
import Domain
import Foundation

extension DemoCenter {
    /// A class that must be split into groups and sessions that need two teachers (双师): two 15-station fitting
    /// bays, the 48 students of 模具2404班 at 2 per station (2 groups of 24 on 12 stations each, at the same
    /// time), at most 12 students per instructor, so each group has a teacher of the college and a mentor of
    /// 鲁信精密机械集团 (two of each, on weekdays).
    struct Groups {
        let centerId: UUID
        let orgs: [String: Organization]
        let services: Services

        /// The bays, the class, the teachers and mentors, and the request.
        func submit(on connection: Connection) throws {
            for bay in ["钳工实训区 A", "钳工实训区 B"] {
                _ = try services.centers.addResource(
                    NewResource(kind: .workstationPool, name: bay, capabilities: ["fitting.bench"], seats: 15),
                    to: centerId, on: connection, as: .system)
            }
            let college = orgs["潍坊职业学院"]!
            let cohort = try services.organizations.addCohort(
                NewCohort(name: "模具2404班", size: 48), to: college.id, as: .system, on: connection)
            for (name, org, skill) in [
                ("孟凡", college, "fitting.bench"), ("秦雪", college, "fitting.bench"),
                ("韩师傅", orgs["鲁信精密机械集团"]!, "mentor.fitting"), ("田师傅", orgs["鲁信精密机械集团"]!, "mentor.fitting"),
            ] {
                _ = try services.organizations.addInstructor(
                    NewInstructor(
                        organizationId: org.id, name: name, postType: .fixed, weeklyHourCap: 24,
                        skills: [.init(skill: skill, expiresOn: CalendarDate(iso: "2028-12-31"))],
                        availability: (1...5).map {
                            .init(weekday: $0, from: ClockTime(text: "08:00")!, to: ClockTime(text: "17:30")!)
                        }),
                    to: centerId, as: .system, on: connection)
            }
            _ = try services.requests.create(
                NewRequest(
                    organizationId: college.id, title: "模具2404班 钳工实训（分组·双师）",
                    details: .studentTraining(
                        .init(
                            cohortId: cohort.id, courseName: "钳工实训", sessionsPerWeek: 1, weeks: 16,
                            startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 180,
                            capability: "fitting.bench", studentsPerStation: 2, instructorSkills: ["fitting.bench"],
                            preferredWeekdays: [3], groups: TrainingGroups(split: .stations, together: true),
                            mentorSkills: ["mentor.fitting"], studentsPerInstructor: 12)),
                    submit: true),
                in: centerId, as: .system, on: connection)
        }
    }
}
