import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// Shared-employee courses as products: two courses 潍坊职业学院 offers, dated before they are sold
    /// (their sessions booked as a published plan books them). 工业机器人运维 is on sale, with an SME's
    /// two named seats; PLC 编程入门 is oversubscribed and decided today, its last SME wait-listed.
    /// Offered before the term's courses, so today's decision decides only it.
    struct Products {
        let centerId: UUID
        let orgs: [String: Organization]
        let resources: [String: UUID]
        let services: Services
        /// Now, for the courses' dates.
        let now: Date

        func offer(on connection: Connection) throws {
            let college = orgs["潍坊职业学院"]!.id
            let today = Self.localDay(now)
            let robots = try course(
                "工业机器人运维（共享员工）", by: college, skill: "robot.industrial", capacity: 6, minimum: 3, sessions: 4,
                decision: today.addingTimeInterval(14 * 86_400), on: connection)
            try DemoCenter.date(
                robots, on: resources["工业机器人工作站"]!, at: Self.saturdays(after: today, skip: 3, count: 4), minutes: 180,
                on: connection)
            try seats(in: robots, [("安丘自动化设备", ["钳工", "设备维修工"])], on: connection)

            let plc = try course(
                "PLC 编程入门（共享员工）", by: college, skill: "plc", capacity: 4, minimum: 2, sessions: 2, decision: today,
                on: connection)
            try DemoCenter.date(
                plc, on: resources["PLC 实验室"]!, at: Self.saturdays(after: today, skip: 1, count: 2), minutes: 180,
                on: connection)
            try seats(
                in: plc,
                [
                    ("寿光精工零部件", ["电工", "设备员"]), ("青州智造模具", ["电工"]), ("诸城汽配科技", ["维修电工"]),
                    ("高密焊接科技", ["电气技术员"]), ("昌乐三维打印", ["设备员"]),
                ], on: connection)
            // decided today: max-min fair, one seat each in order of asking, the fifth SME wait-listed
            _ = try services.courses.decide(in: centerId, asOf: Self.calendarDate(today), as: .system, on: connection)
        }

        private func course(
            _ title: String, by college: UUID, skill: String, capacity: Int, minimum: Int, sessions: Int,
            decision: Date, on connection: Connection
        ) throws -> Request {
            try services.requests.create(
                NewRequest(
                    organizationId: college, title: title,
                    details: .sharedEmployee(
                        .init(
                            capacity: capacity, minEnrolment: minimum,
                            decisionDate: Self.calendarDate(decision), sessions: sessions,
                            sessionMinutes: 180, skill: skill)),
                    submit: true),
                in: centerId, as: .system, on: connection)
        }

        /// Each SME's seat request, one named employee (with their position) a seat.
        private func seats(in course: Request, _ buyers: [(String, [String])], on connection: Connection) throws {
            for (offset, (sme, positions)) in buyers.enumerated() {
                let request = try services.requests.create(
                    NewRequest(
                        organizationId: orgs[sme]!.id, title: "\(course.title) × \(positions.count)",
                        details: .sharedEmployee(.init(courseRequestId: course.id, seats: positions.count)),
                        submit: true),
                    in: centerId, as: .system, on: connection)
                for (index, position) in positions.enumerated() {
                    _ = try services.participants.addParticipant(
                        NewParticipant(
                            name: Attendance.name(offset * 4 + index + 3), number: "P\(offset + 1)0\(index + 1)",
                            position: position),
                        to: request.id, on: connection, as: .system)
                }
            }
        }

        static let zone = TimeZone(identifier: "Asia/Shanghai")!

        /// Local midnight of `date`'s day in Asia/Shanghai.
        static func localDay(_ date: Date) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            return calendar.startOfDay(for: date)
        }

        /// The day of `date` in Asia/Shanghai.
        static func calendarDate(_ date: Date) -> CalendarDate {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let day = calendar.dateComponents([.year, .month, .day], from: date)
            return CalendarDate(year: day.year!, month: day.month!, day: day.day!)!
        }

        /// `count` Saturdays at 09:00, the first one `skip` Saturdays after `day`'s week.
        static func saturdays(after day: Date, skip: Int, count: Int) -> [Date] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let toSaturday = (7 - calendar.component(.weekday, from: day)) % 7
            return (0..<count).map {
                day.addingTimeInterval(TimeInterval(((toSaturday + 7 * (skip + $0)) * 24 + 9) * 3_600))
            }
        }
    }

    /// Books a course's sessions, `minutes` long from each start on `resource`, and marks the course
    /// planned, as publishing a plan does: the course is dated and its seats go on sale.
    static func date(
        _ course: Request, on resource: UUID, at starts: [Date], minutes: Int, on connection: Connection
    ) throws {
        for start in starts {
            let input = NewBooking(
                organizationId: course.organizationId, requestId: course.id, category: course.category,
                title: course.title, start: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)),
                resources: [.init(resourceId: resource)])
            try connection.run(
                BookingRepository().insertion(
                    of: BookingRepository.confirmed(input, title: course.title, centerId: course.centerId)))
        }
        _ = try RequestService.transition(course, to: .planned, reason: nil, by: Principal.system.actor, on: connection)
    }
}
