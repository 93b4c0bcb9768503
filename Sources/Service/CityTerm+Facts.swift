import Access
import Database
import Dates
import Domain
import Foundation

extension CityTerm {
    /// Per trade a workshop holding three pools of 24 stations and six machines; twenty theory
    /// rooms; three pilot lines: 123 resources. Returns the station count of a trade's pools.
    static func resources(_ centerId: UUID, with centers: CenterService, on connection: Connection) throws -> Int {
        let stations = 24
        func add(
            _ kind: ResourceKind, _ name: String, _ capabilities: [String], seats: Int, in parent: UUID? = nil
        )
            throws -> UUID
        {
            let input = NewResource(kind: kind, name: name, capabilities: capabilities, seats: seats, parentId: parent)
            return try centers.addResource(input, to: centerId, on: connection, as: .system).id
        }
        for (index, trade) in trades.enumerated() {
            let workshop = try add(.workshop, "实训车间\(index + 1)（\(trade)）", [trade], seats: 80)
            for pool in 1...3 {
                _ = try add(.workstationPool, "\(trade) 工位区\(pool)", [trade], seats: stations, in: workshop)
            }
            for machine in 1...6 {
                _ = try add(.equipmentLine, "\(trade) 设备\(machine)", [trade], seats: 1, in: workshop)
            }
        }
        for room in 1...20 { _ = try add(.room, "理论教室\(room)", ["classroom"], seats: 60) }
        for line in 1...3 { _ = try add(.equipmentLine, "中试线\(line)", ["pilot.line"], seats: 1) }
        return stations
    }

    /// Eleven instructors per trade: day-time teachers of the schools and the center's own staff,
    /// capped at 24 hours a week.
    static func instructors(
        _ centerId: UUID, schools: [Organization], with service: OrganizationService, on connection: Connection
    ) throws {
        for (index, trade) in trades.enumerated() {
            for number in 0..<instructorsPerTrade {
                let school = schools[(index * instructorsPerTrade + number) % schools.count]
                let input = NewInstructor(
                    organizationId: school.id, name: "\(trade) 教师\(number + 1)", postType: .fixed,
                    weeklyHourCap: 24,
                    skills: [.init(skill: trade, expiresOn: CalendarDate(year: 2028, month: 12, day: 31)!)],
                    availability: (1...6).map {
                        .init(weekday: $0, from: ClockTime(text: "08:00")!, to: ClockTime(text: "21:30")!)
                    })
                _ = try service.addInstructor(input, to: centerId, as: .system, on: connection)
            }
        }
    }

    /// 140 classes of 30 to 46 students, each training one 180-minute session a week in its trade
    /// for the 16 teaching weeks, two students per station, preferring two weekdays.
    static func training(
        _ centerId: UUID, schools: [Organization], pools stations: Int, with service: OrganizationService,
        _ requests: RequestService, on connection: Connection
    ) throws {
        for number in 0..<classes {
            let school = schools[number % schools.count]
            let trade = trades[number % trades.count]
            let size = min(2 * stations, 30 + (number * 7) % 17)
            let cohort = try service.addCohort(
                NewCohort(name: "\(trade) \(2401 + number)班", size: size, availability: freeTimes(number)),
                to: school.id, as: .system, on: connection)
            _ = try requests.create(
                NewRequest(
                    organizationId: school.id, title: "\(cohort.name) 实训",
                    details: .studentTraining(
                        .init(
                            cohortId: cohort.id, courseName: "\(trade) 实训", sessionsPerWeek: 1, weeks: weeks,
                            startDate: firstDay, sessionMinutes: 180, capability: trade, studentsPerStation: 2,
                            instructorSkills: [trade], preferredWeekdays: [1 + number % 5, 1 + (number + 2) % 5])),
                    submit: true),
                in: centerId, as: .system, on: connection)
        }
    }

    /// Four half-days a week from the school's timetable, 20 minutes from the center: the mornings
    /// of the two weekdays the class prefers and two afternoons.
    static func freeTimes(_ number: Int) -> ClassAvailability {
        func span(_ weekday: Int, _ from: String, _ to: String) -> ClassAvailability.FreeTime {
            .init(weekday: weekday, from: ClockTime(text: from)!, to: ClockTime(text: to)!)
        }
        let mornings = [1 + number % 5, 1 + (number + 2) % 5].map { span($0, "08:00", "12:00") }
        let afternoons = [1 + (number + 1) % 5, 1 + (number + 3) % 5].map { span($0, "13:30", "17:30") }
        return ClassAvailability(freeAnyTime: false, freeTimes: mornings + afternoons, travelMinutes: 20)
    }

    /// Ten enterprises, each with a 24-hour evening upskilling course over the term.
    static func upskilling(
        _ centerId: UUID, with service: OrganizationService, _ requests: RequestService, on connection: Connection
    ) throws {
        for number in 0..<enterprises {
            let enterprise = try service.create(
                name: "生成企业\(number + 1)", kind: .largeEnterprise, as: .system, on: connection)
            let trade = trades[number % trades.count]
            _ = try requests.create(
                NewRequest(
                    organizationId: enterprise.id, title: "\(trade) 岗位技能提升（企业\(number + 1)）",
                    details: .employeeUpskilling(
                        .init(
                            participants: 12, course: "\(trade) 岗位技能提升", skill: trade, totalHours: 24,
                            sessionMinutes: 180, earliest: firstDay, latest: firstDay.adding(days: 7 * weeks - 3),
                            allowedTimes: [
                                .init(
                                    weekdays: [1, 2, 3, 4, 5], from: ClockTime(text: "18:00")!,
                                    to: ClockTime(text: "21:30")!)
                            ])),
                    submit: true),
                in: centerId, as: .system, on: connection)
        }
    }
}
