import Access
import Database
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// Evidence for the reports: the schools' class rosters, named employees on an upskilling course and
    /// on the SMEs' shared-employee seats, last week's sessions with attendance (some late or absent,
    /// one mark corrected, one session that did not take place), outcomes, and who contributed three
    /// machines (共建共享).
    struct Attendance {
        let centerId: UUID
        let orgs: [String: Organization]
        let cohorts: [String: UUID]
        let resources: [String: UUID]
        let services: Services
        /// Now, for "last week".
        let now: Date

        func record(on connection: Connection) throws {
            try owners(on: connection)
            for (org, name, size) in Catalogue.cohorts where orgs[org]!.kind.isSchool {
                for index in 0..<size {
                    _ = try services.participants.addStudent(
                        NewParticipant(
                            name: Self.name(index + name.count), number: "\(name.filter(\.isNumber))\(100 + index + 1)"),
                        to: cohorts[name]!, on: connection, as: .system)
                }
            }
            let requests =
                try RequestRepository().all(centerId: centerId, category: .studentTraining, on: connection)
                + RequestRepository().all(centerId: centerId, category: .employeeUpskilling, on: connection)
                + RequestRepository().all(centerId: centerId, category: .sharedEmployee, on: connection)
            let named = try participants(of: requests, on: connection)
            try lastWeek(requests: requests, named: named, on: connection)
        }

        /// 五轴加工中心 from an enterprise, a welding robot from a provincial fund, the robot stations from a college.
        private func owners(on connection: Connection) throws {
            let owners: [(String, ResourceOwner)] = [
                ("五轴加工中心", ResourceOwner(kind: .enterprise, organizationId: orgs["鲁信精密机械集团"]!.id)),
                ("焊接机器人 1", ResourceOwner(kind: .governmentFund, fund: "山东省产教融合专项资金")),
                ("工业机器人工作站", ResourceOwner(kind: .school, organizationId: orgs["潍坊职业学院"]!.id)),
            ]
            for (name, owner) in owners {
                var resource = try ResourceRepository().find(id: resources[name]!, on: connection)!
                resource.owner = owner
                _ = try ResourceRepository().update(resource, version: resource.version, on: connection)
            }
        }

        /// Six employees on the first upskilling course; the SMEs' people on the welding course's seats.
        private func participants(of requests: [Request], on connection: Connection) throws -> [UUID: [Participant]] {
            var named: [UUID: [Participant]] = [:]
            let upskilling = requests.first { $0.category == .employeeUpskilling }!
            named[upskilling.id] = try (0..<6).map {
                try services.participants.addParticipant(
                    NewParticipant(
                        name: Self.name($0 * 3 + 1), number: "E\(2026_000 + $0 + 1)",
                        position: ["焊工", "设备维修工", "班组长"][$0 % 3]), to: upskilling.id,
                    on: connection, as: .system)
            }
            for seat in requests {
                guard case .sharedEmployee(let details) = seat.details, let count = details.seats,
                    let course = details.courseRequestId,
                    requests.first(where: { $0.id == course })?.title.hasPrefix("焊接机器人") == true
                else { continue }
                named[course, default: []] += try (0..<count).map {
                    try services.participants.addParticipant(
                        NewParticipant(
                            name: Self.name($0 * 5 + seat.title.count),
                            number: "S\(seat.id.uuidString.prefix(4))\($0 + 1)"),
                        to: seat.id, on: connection, as: .system)
                }
            }
            return named
        }

        /// Last week's sessions (Monday 00:00 Asia/Shanghai, seven days ago or more) with their evidence.
        private func lastWeek(requests: [Request], named: [UUID: [Participant]], on connection: Connection) throws {
            let monday = Self.lastMonday(before: now)
            let at = { (day: Int, hour: Int, minute: Int) in
                monday.addingTimeInterval(TimeInterval(day * 86_400 + hour * 3_600 + minute * 60))
            }
            let plc = requests.first { $0.title.contains("机电2401班") }!
            let lathe = requests.first { $0.title.contains("数控2301班") }!
            let upskilling = requests.first { $0.category == .employeeUpskilling }!
            let welding = requests.first {
                guard case .sharedEmployee(let details) = $0.details else { return false }
                return details.isOffering && $0.title.hasPrefix("焊接机器人")
            }!
            let sessions: [PastSession] = [
                PastSession(request: plc, resource: "PLC 实验室", cohort: "机电2401班", start: at(0, 8, 30), hours: 3),
                PastSession(request: plc, resource: "PLC 实验室", cohort: "机电2401班", start: at(2, 8, 30), hours: 3),
                PastSession(request: lathe, resource: "数控车床 1", cohort: "数控2301班", start: at(1, 14, 0), hours: 3),
                PastSession(request: upskilling, resource: "PLC 实验室", cohort: nil, start: at(3, 18, 30), hours: 3),
                PastSession(request: welding, resource: "焊接机器人 1", cohort: nil, start: at(5, 8, 30), hours: 3),
            ]
            // the demo instructor's account teaches them (the first instructor by name)
            let teacher = try PeopleRepository().instructors(centerId: centerId, limit: 1, offset: 0, on: connection)
                .first?.id
            for (index, session) in sessions.enumerated() {
                let booking = try session.book(
                    centerId: centerId, instructorId: teacher, resources: resources, cohorts: cohorts, on: connection)
                try evidence(index, booking, named: named, on: connection)
            }
        }

        /// The second session did not take place; the others ran, with a few late and absent, and the
        /// third's first absence corrected by the manager (a sick note).
        private func evidence(
            _ index: Int, _ booking: Booking, named: [UUID: [Participant]], on connection: Connection
        ) throws {
            let attendance = services.attendance
            if index == 1 {
                _ = try attendance.report(
                    SessionReport(notHeld: .init(reason: .equipmentFailure, note: "PLC 实验室电源检修")), session: booking.id,
                    version: 0, on: connection, as: .system)
                return
            }
            let roster = try attendance.mark(
                AttendanceMarks(allPresent: true), session: booking.id, now: booking.start, on: connection, as: .system)
            var exceptions: [AttendanceMarks.Item] = []
            for (offset, entry) in roster.entries.enumerated() {
                if offset % 9 == 4 { exceptions.append(.init(participantId: entry.participant.id, mark: .late)) }
                if offset % 13 == 7 { exceptions.append(.init(participantId: entry.participant.id, mark: .absent)) }
            }
            _ = try attendance.mark(
                AttendanceMarks(marks: exceptions), session: booking.id, now: booking.start.addingTimeInterval(1_200),
                on: connection, as: .system)
            _ = try attendance.report(
                SessionReport(actualStart: booking.start.addingTimeInterval(300), actualEnd: booking.end),
                session: booking.id,
                version: 0, on: connection, as: .system)
            if index == 2, let absent = exceptions.first(where: { $0.mark == .absent }) {
                _ = try attendance.correct(
                    AttendanceCorrection(participantId: absent.participantId, mark: .late, reason: "病假条补交：迟到而非缺勤"),
                    session: booking.id, on: connection, as: .system)
            }
            if index >= 3, let people = booking.requestId.flatMap({ named[$0] }) {
                for (offset, person) in people.enumerated() {
                    _ = try services.participants.recordOutcome(
                        Outcome(
                            completed: offset % 5 != 2, achievement: offset % 5 != 2 ? "合格 · 四级（中级工）" : nil,
                            tag: index == 3 ? "plc" : "welding.robot",
                            certificateNumber: offset % 5 != 2
                                ? "ZS2026-\(index)\(String(format: "%03d", offset + 1))" : nil),
                        for: person.id, on: connection, as: .system)
                }
            }
        }

        /// A demo name from common surnames and given names.
        static func name(_ index: Int) -> String {
            let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗")
            let given = ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "雨桐", "博文", "思远", "佳怡", "一鸣", "晨曦", "嘉豪", "诗琪", "明哲"]
            return "\(surnames[index % surnames.count])\(given[(index * 7 + index / surnames.count) % given.count])"
        }

        /// The Monday before last (local midnight in Asia/Shanghai), so last week is wholly past.
        static func lastMonday(before now: Date) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let today = calendar.startOfDay(for: now)
            let sinceMonday = (calendar.component(.weekday, from: today) + 5) % 7
            return calendar.date(byAdding: .day, value: -sinceMonday - 7, to: today)!
        }
    }

    /// One of last week's sessions, booked directly (the planner places the term ahead).
    private struct PastSession {
        let request: Request
        let resource: String
        let cohort: String?
        let start: Date
        let hours: Int

        func book(
            centerId: UUID, instructorId: UUID?, resources: [String: UUID], cohorts: [String: UUID],
            on connection: Connection
        ) throws -> Booking {
            let input = NewBooking(
                organizationId: request.organizationId, requestId: request.id, category: request.category,
                title: request.title, start: start, end: start.addingTimeInterval(TimeInterval(hours * 3_600)),
                resources: [.init(resourceId: resources[resource]!)], instructorId: instructorId,
                participants: cohort == nil ? 12 : 0,
                cohortIds: cohort.map { [cohorts[$0]!] })
            let booking = BookingRepository.confirmed(input, title: request.title, centerId: centerId)
            try connection.run(BookingRepository().insertion(of: booking))
            return booking
        }
    }
}
