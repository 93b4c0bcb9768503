import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Self check-in, outcomes, hours delivered")
struct CheckInTests {
    @Test("a participant checks in with the session's code and their number, inside the window only")
    func selfCheckIn() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let attendance = AttendanceService(database: db)
            let shown = try await attendance.showCode(
                session: fixture.session.id, now: AttendanceFixture.at(7, 50), as: fixture.instructorCaller)
            let code = try #require(shown.record.checkInCode)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))

            let early = try await attendance.checkIn(
                SelfCheckIn(code: code, number: "2401001"), client: "phone", now: AttendanceFixture.at(7, 55))
            #expect(early.participant.name == "张三" && early.mark == .present)
            let late = try await attendance.checkIn(
                SelfCheckIn(code: code, number: "2401002"), client: "phone", now: AttendanceFixture.at(8, 20))
            #expect(late.mark == .late)

            let cases: [(SelfCheckIn, Date, String)] = [
                (SelfCheckIn(code: code, number: "2401003"), AttendanceFixture.at(10, 5), "session/checkInWindow"),
                (SelfCheckIn(code: code, number: "9999999"), AttendanceFixture.at(8, 30), "number/onRoster"),
                (SelfCheckIn(code: "12ab56", number: "2401003"), AttendanceFixture.at(8, 30), "code/format"),
            ]
            for (input, now, rule) in cases {
                let error = await #expect(throws: ServiceError.self) {
                    try await attendance.checkIn(input, client: "phone", now: now)
                }
                #expect(AttendanceServiceTests.rule(of: error) == rule)
            }
            // a new code replaces the old one
            let again = try await attendance.showCode(
                session: fixture.session.id, now: AttendanceFixture.at(8, 40), as: fixture.instructorCaller)
            if again.record.checkInCode != code {
                let stale = await #expect(throws: ServiceError.self) {
                    try await attendance.checkIn(
                        SelfCheckIn(code: code, number: "2401003"), client: "phone", now: AttendanceFixture.at(8, 45))
                }
                #expect(AttendanceServiceTests.rule(of: stale) == "code/unknown")
            }
            let roster = try await attendance.roster(of: fixture.session.id, as: .system)
            #expect(roster.entries.map(\.source) == [.selfCheckIn, .selfCheckIn, nil])
        }
    }

    @Test("failed self check-ins are limited per client address and per code, across service instances (429)")
    func throttled() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let throttle = CheckInThrottle(maxFailuresPerClient: 3, maxFailuresPerCode: 5)
            // two instances stand for two service processes: the counts are in PostgreSQL
            let (one, two) = (
                AttendanceService(database: db, checkInThrottle: throttle),
                AttendanceService(database: db, checkInThrottle: throttle)
            )
            let code = try #require(
                try await one.showCode(
                    session: fixture.session.id, now: AttendanceFixture.at(7, 50), as: fixture.instructorCaller
                ).record.checkInCode)
            // addresses and an unknown code of this test alone: tests running beside it check in too
            let net = "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255))"
            var other = code
            while other == code { other = String(format: "%06d", Int.random(in: 0...999_999)) }
            func attempt(
                _ service: AttendanceService, _ code: String, _ number: String, from client: String, at minute: Int
            ) async -> String {
                do {
                    _ = try await service.checkIn(
                        SelfCheckIn(code: code, number: number), client: client,
                        now: AttendanceFixture.at(7 + minute / 60, minute % 60))
                    return "ok"
                } catch ServiceError.throttled(let seconds, let rule) {
                    return "\(rule ?? "-") \(seconds)"
                } catch {
                    return AttendanceServiceTests.rule(of: error as? ServiceError) ?? "\(error)"
                }
            }
            // a phone guessing: two unknown codes and a number not on the roster, then refused, even
            // with the right code and number, for the rest of the window (from 7:51 + 10 minutes)
            #expect(await attempt(one, other, "2401001", from: "\(net).1", at: 51) == "code/unknown")
            #expect(await attempt(two, other, "2401001", from: "\(net).1", at: 52) == "code/unknown")
            #expect(await attempt(one, code, "9999999", from: "\(net).1", at: 52) == "number/onRoster")
            #expect(await attempt(two, code, "2401001", from: "\(net).1", at: 53) == "checkInAttempts 480")
            // another phone is not held up, and a success does not count
            #expect(await attempt(one, code, "2401001", from: "\(net).2", at: 53) == "ok")
            // four more failures with the session's code, from three phones, make five: the code is refused
            for (client, minute) in [("\(net).3", 54), ("\(net).3", 54), ("\(net).4", 55), ("\(net).5", 55)] {
                #expect(await attempt(two, code, "8888888", from: client, at: minute) == "number/onRoster")
            }
            #expect(await attempt(one, code, "2401002", from: "\(net).6", at: 56) == "checkInAttempts 360")
            // once the window has passed, the first phone and the code are let through again
            #expect(await attempt(one, code, "2401002", from: "\(net).1", at: 52 + 10) == "ok")
            let failures: Int = try await db.query(
                "SELECT count(*) AS n FROM check_in_attempts WHERE NOT succeeded AND client LIKE \(net + ".%")"
            ).first!.decode("n")
            #expect(failures == 7, "refused attempts are not stored")
        }
    }

    @Test("hours delivered: actual times, else booked times when attendance was taken; not held counts nothing")
    func hoursDelivered() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let details = StudentTrainingDetails(
                cohortId: fixture.cohort.id, courseName: "数控车削", sessionsPerWeek: 1, weeks: 8,
                startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 120, capability: "cnc.lathe",
                studentsPerStation: 2, instructorSkills: [])
            let requestId = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: fixture.center.school.id, title: "数控车削实训", details: .studentTraining(details)),
                in: fixture.center.center.id, as: .system
            ).id
            let bookings = BookingService(database: db)
            var sessions: [Booking] = []
            for (from, to) in [(8, 10), (10, 12), (13, 15)] {
                let input = fixture.center.booking(
                    [.init(resourceId: fixture.center.pool.id, stations: 1)], from: from, to: to)
                sessions.append(try await bookings.book(input, in: fixture.center.center.id, as: .system))
            }
            let ids = sessions.map { $0.id.uuidString.lowercased() }
            try await db.query("UPDATE bookings SET request_id = \(requestId) WHERE id = ANY(\(ids)::uuid[])")
            let attendance = AttendanceService(database: db)
            _ = try await attendance.report(
                SessionReport(actualStart: AttendanceFixture.at(8), actualEnd: AttendanceFixture.at(9, 30)),
                session: sessions[0].id, version: 0, as: .system)
            _ = try await attendance.report(
                SessionReport(notHeld: .init(reason: .cancelledBySchool)), session: sessions[2].id, version: 0,
                as: .system)
            let before = try await attendance.hoursDelivered(
                for: requestId, as: .coordinator(of: fixture.center.school.id))
            #expect(before.plannedHours == 6 && before.deliveredHours == 1.5)
            #expect(before.sessionsHeld == 1 && before.sessionsNotHeld == 1 && before.sessions == 3)
            // attendance taken on the second session (no actual times): its booked two hours count
            let second = try #require(
                try await db.query(
                    "SELECT id FROM participants WHERE cohort_id = \(fixture.cohort.id) LIMIT 1"
                ).first
            ).decode("id", as: UUID.self)
            try await db.query(
                """
                INSERT INTO attendance_marks (booking_id, participant_id, organization_id, mark, source)
                VALUES (\(sessions[1].id), \(second), \(fixture.center.school.id), 'present', 'instructor')
                """)
            let after = try await attendance.hoursDelivered(for: requestId, as: .system)
            #expect(after.deliveredHours == 3.5 && after.sessionsHeld == 2)
            await #expect(throws: ServiceError.notFound(entity: "request")) {
                try await attendance.hoursDelivered(for: requestId, as: .coordinator(of: UUID()))
            }
        }
    }

    @Test("an enterprise names its course's participants; a manager records outcomes with a catalogue tag")
    func outcomes() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let (enterprise, course) = try await AttendanceFixture.course(at: center, db: db)
            let requestId = course.id
            let participants = ParticipantService(database: db)
            let coordinator = try await AttendanceFixture.account(
                RoleGrant(role: .enterpriseCoordinator), of: enterprise.id, db: db)
            let worker = try await participants.addParticipant(
                NewParticipant(name: "陈工", number: "E1001", phone: "138 0000 0000"), to: requestId, as: coordinator)
            let grouped = await #expect(throws: ServiceError.self) {
                try await participants.addParticipant(
                    NewParticipant(name: "刘工", group: 1), to: requestId, as: coordinator)
            }
            #expect(AttendanceServiceTests.rule(of: grouped) == "group/notAClass")
            await #expect(
                throws: ServiceError.conflict(
                    "That student or employee number is on the roster already.", rule: "numberTaken")
            ) {
                try await participants.addParticipant(
                    NewParticipant(name: "陈工二", number: "E1001"), to: requestId, as: coordinator)
            }
            await #expect(throws: ServiceError.self) {
                try await participants.recordOutcome(Outcome(completed: true), for: worker.id, as: coordinator)
            }
            let manager = try await center.manager()
            let unknownTag = await #expect(throws: ServiceError.self) {
                try await participants.recordOutcome(
                    Outcome(completed: true, achievement: "四级", tag: "no.such.tag"), for: worker.id, as: manager)
            }
            #expect(AttendanceServiceTests.rule(of: unknownTag)?.hasPrefix("tag/") == true)
            let recorded = try await participants.recordOutcome(
                Outcome(completed: true, achievement: " 数控车工 四级 ", tag: "cnc.lathe"), for: worker.id, as: manager)
            #expect(recorded.outcome == Outcome(completed: true, achievement: "数控车工 四级", tag: "cnc.lathe"))
            let listed = try await participants.participants(of: requestId, as: coordinator)
            #expect(listed.map(\.outcome) == [recorded.outcome])
            await #expect(throws: ServiceError.notFound(entity: "request")) {
                try await participants.participants(of: requestId, as: .coordinator(of: UUID(), school: false))
            }
        }
    }
}
