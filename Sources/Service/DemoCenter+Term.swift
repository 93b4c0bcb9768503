import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// The spring 2026 term's requests: weekly training for six classes in teaching weeks of the term, evening upskilling for
    /// the two large enterprises (one a course of theory, practice and assessment by its own trainers), two shared-employee courses (one oversubscribed by SMEs), and
    /// two four-day pilot runs wanting the same line in windows too close for both (the planner
    /// leaves one out and says why).
    struct Term {
        let centerId: UUID
        let operatorId: UUID
        let orgs: [String: Organization]
        let cohorts: [String: UUID]
        let pilotLine: UUID
        let resources: [String: UUID]
        let springTerm: Domain.Term

        func submit(with service: RequestService, on connection: Connection) throws {
            for (school, cohort, course, capability, weekdays, weeks) in training {
                _ = try service.create(
                    NewRequest(
                        organizationId: orgs[school]!.id, title: "\(cohort) \(course)",
                        details: .studentTraining(
                            .init(
                                cohortId: cohorts[cohort]!, courseName: course, sessionsPerWeek: 1, weeks: 16,
                                startDate: springTerm.firstDay,
                                sessionMinutes: 180, capability: capability, studentsPerStation: 2,
                                instructorSkills: [capability],
                                preferredWeekdays: weekdays, termId: springTerm.id,
                                teachingWeeks: WeeksPattern(weeks))),
                        submit: true),
                    in: centerId, as: .system, on: connection)
            }
            for (enterprise, course, skill, hours) in upskilling {
                var details = EmployeeUpskillingDetails(
                    participants: 12, course: course, skill: skill, totalHours: hours, sessionMinutes: 180,
                    earliest: CalendarDate(iso: "2026-03-02")!, latest: CalendarDate(iso: "2026-06-19")!,
                    allowedTimes: [
                        .init(
                            weekdays: [1, 2, 3, 4, 5], from: ClockTime(text: "18:00")!, to: ClockTime(text: "21:30")!),
                        .init(weekdays: [6], from: ClockTime(text: "08:00")!, to: ClockTime(text: "17:00")!),
                    ],
                    trainingType: .onJob)
                if skill == "welding.robot" { try weldingCourse(&details, of: orgs[enterprise]!.id, on: connection) }
                _ = try service.create(
                    NewRequest(
                        organizationId: orgs[enterprise]!.id, title: course, details: .employeeUpskilling(details),
                        submit: true),
                    in: centerId, as: .system, on: connection)
            }
            try sharedCourses(with: service, on: connection)
            for (enterprise, start, latest) in [
                ("潍海动力装备集团", "2026-04-06", "2026-04-08"), ("鲁信精密机械集团", "2026-04-07", "2026-04-09"),
            ] {
                _ = try service.create(
                    NewRequest(
                        organizationId: orgs[enterprise]!.id, title: "新产品中试 \(enterprise)",
                        details: .pilotProduction(
                            .init(
                                resourceId: pilotLine, days: 4, earliestStart: CalendarDate(iso: start)!,
                                latestStart: CalendarDate(iso: latest)!,
                                changeoverBeforeMinutes: 60, changeoverAfterMinutes: 120)),
                        submit: true),
                    in: centerId, as: .system, on: connection)
            }
        }

        /// The welding course as enterprises run it: theory in the classroom, practice on the welding
        /// robots and an assessment, taught only by the enterprise's own trainers (师傅).
        private func weldingCourse(
            _ details: inout EmployeeUpskillingDetails, of enterprise: UUID, on connection: Connection
        ) throws {
            details.parts = [
                CoursePart(
                    kind: .theory, capability: "classroom", skill: "welding.robot", sessionMinutes: 180, sessions: 2),
                CoursePart(
                    kind: .practice, capability: "welding.robot", skill: "welding.robot", sessionMinutes: 180,
                    sessions: 5),
                CoursePart(
                    kind: .assessment, capability: "welding.robot", skill: "welding.robot", sessionMinutes: 180,
                    sessions: 1),
            ]
            details.trainerIds = try PeopleRepository().instructors(
                organizationId: enterprise, limit: 50, offset: 0, on: connection
            ).filter { $0.skills.contains { $0.skill == "welding.robot" } }.map(\.id)
        }

        private func sharedCourses(with service: RequestService, on connection: Connection) throws {
            let seats: [String: [(String, Int)]] = [
                "焊接机器人编程（共享员工）": [("高密焊接科技", 5), ("寿光精工零部件", 4), ("诸城汽配科技", 3), ("青州智造模具", 3)],
                "PLC 与工业网络（共享员工）": [("安丘自动化设备", 6), ("昌乐三维打印", 2)],
            ]
            let courses = [
                ("焊接机器人编程（共享员工）", "welding.robot", 12, "焊接机器人 1"), ("PLC 与工业网络（共享员工）", "plc", 20, "PLC 实验室"),
            ]
            // dated before sold: six Saturday mornings after the decision date, as a published plan places them
            let saturdays = (0..<6).map { Date(timeIntervalSince1970: 1_774_659_600 + Double($0) * 7 * 86_400) }
            for (title, skill, capacity, place) in courses {
                let course = try service.create(
                    NewRequest(
                        organizationId: operatorId, title: title,
                        details: .sharedEmployee(
                            .init(
                                capacity: capacity, minEnrolment: 8, decisionDate: CalendarDate(iso: "2026-03-20"),
                                sessions: 6,
                                sessionMinutes: 180, skill: skill)),
                        submit: true),
                    in: centerId, as: .system, on: connection)
                try DemoCenter.date(course, on: resources[place]!, at: saturdays, minutes: 180, on: connection)
                for (sme, count) in seats[title]! {
                    _ = try service.create(
                        NewRequest(
                            organizationId: orgs[sme]!.id, title: "\(title) × \(count)",
                            details: .sharedEmployee(
                                .init(courseRequestId: course.id, seats: count, preferredWeekdays: [6])), submit: true),
                        in: centerId, as: .system, on: connection)
                }
            }
        }

        /// School, class, course, capability, preferred weekdays and teaching weeks (单双周, two
        /// ranges around the skills contest, whole terms; weeks off are skipped by themselves).
        private var training: [(String, String, String, String, [Int], String)] {
            [
                ("潍坊职业学院", "机电2401班", "PLC 控制技术实训", "plc", [1, 3], "1-17"),
                ("潍坊职业学院", "数控2402班", "数控车削实训", "cnc.lathe", [2, 4], "1-16 单周"),
                ("潍坊职业学院", "工业机器人2403班", "工业机器人编程实训", "robot.industrial", [2, 5], "3-8,11-16"),
                ("潍坊市工业学校", "数控2301班", "数控车削基础", "cnc.lathe", [2], "1-16 双周"),
                ("潍坊市工业学校", "焊接2302班", "手工焊实训", "welding.manual", [3], "2-17"),
                ("潍坊理工学院", "机械设计2201班", "五轴加工综合实训", "cnc.5axis", [4], "1-16"),
            ]
        }

        private var upskilling: [(String, String, String, Int)] {
            [
                ("潍海动力装备集团", "焊接机器人岗位技能提升", "welding.robot", 24),
                ("潍海动力装备集团", "五轴加工工艺提升", "cnc.5axis", 18),
                ("鲁信精密机械集团", "数控铣削岗位技能提升", "cnc.mill", 24),
                ("鲁信精密机械集团", "PLC 维护与故障诊断", "plc", 12),
            ]
        }
    }
}
