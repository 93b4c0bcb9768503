import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Reports")
struct ReportServiceTests {
    /// One number computed straight from the tables, independently of the reports' SQL.
    static func count(_ sql: SQL, on db: Database) async throws -> Double {
        try await db.withConnection { try $0.query(sql).first!.decode("n", as: Double.self) }
    }

    /// The evidence of the center's confirmed sessions, the way docs/attendance.md defines "held".
    static func heldMarks(_ centerId: UUID) -> SQL {
        """
        attendance_marks m JOIN bookings b ON b.id = m.booking_id LEFT JOIN session_records r ON r.booking_id = b.id
        WHERE b.center_id = \(centerId) AND b.status = 'confirmed' AND r.not_held_reason IS NULL
        """
    }

    @Test("people trained and person-hours equal the held sessions' present and late marks, corrections included")
    func people() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let report = try await ReportService(database: db).report(
                .people, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            let categories = try #require(report.section("categories"))
            let trainees = try await Self.count(
                "SELECT count(*)::float8 AS n FROM \(Self.heldMarks(fixture.centerId)) AND m.mark <> 'absent'", on: db)
            let hours = try await Self.count(
                """
                SELECT sum(extract(epoch FROM upper(r.actual) - lower(r.actual)) / 3600)::float8 AS n
                FROM \(Self.heldMarks(fixture.centerId)) AND m.mark <> 'absent'
                """, on: db)
            #expect(trainees == 3)  // the corrected absence counts; the cancelled session's marks do not
            #expect(categories.value("trainees", of: "student_training") == trainees)
            #expect(categories.value("personHours", of: "student_training") == hours)
            #expect(hours == 4.5)
            #expect(categories.value("people", of: "total") == 3)
            let organizations = try #require(report.section("organizations"))
            #expect(
                organizations.value("trainees", of: fixture.attendance.center.school.id.uuidString.lowercased()) == 3)
        }
    }

    @Test("no-shows count the corrected mark and the session that did not take place, not the cancelled one")
    func noShows() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let report = try await ReportService(database: db).report(
                .noShows, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            let organizations = try #require(report.section("organizations"))
            let absent = try await Self.count(
                "SELECT count(*)::float8 AS n FROM \(Self.heldMarks(fixture.centerId)) AND m.mark = 'absent'", on: db)
            let corrected = try await Self.count(
                "SELECT count(*)::float8 AS n FROM \(Self.heldMarks(fixture.centerId)) AND m.source = 'correction'",
                on: db)
            #expect(organizations.value("marks", of: "total") == 3)
            #expect(organizations.value("absent", of: "total") == absent)
            #expect(organizations.value("late", of: "total") == 1)
            #expect(organizations.value("corrected", of: "total") == corrected)
            #expect(corrected == 1)
            let notHeld = try #require(report.section("notHeld"))
            #expect(notHeld.value("sessions", of: "equipment_failure") == 1)
            #expect(notHeld.value("hours", of: "total") == 2)
        }
    }

    @Test("utilisation: booked hours of confirmed sessions, used hours of held ones with evidence, the heat map")
    func utilisation() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let center = fixture.attendance.center
            let report = try await ReportService(database: db).report(
                .utilisation, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            let resources = try #require(report.section("resources"))
            let lathe = center.lathe.id.uuidString.lowercased()
            let booked = try await Self.count(
                """
                SELECT sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600)::float8 AS n
                FROM bookings b JOIN booking_resources br ON br.booking_id = b.id
                WHERE br.resource_id = \(center.lathe.id) AND b.status = 'confirmed'
                """, on: db)
            #expect(booked == 4)
            #expect(resources.value("bookedHours", of: lathe) == booked)
            // held 08:10–09:40; the 16:00 one did not take place
            #expect(resources.value("usedHours", of: lathe) == 1.5)
            #expect(resources.value("bookedHours", of: center.mill.id.uuidString.lowercased()) == 0)  // cancelled
            #expect(resources.value("bookedHours", of: "total") == 14)
            let heat = try #require(report.section("heatMap"))
            #expect(heat.value("h8", of: "1") == 1)
            #expect(heat.value("h17", of: "1") == 1)
            #expect(heat.value("h12", of: "1") == 0)
            #expect(heat.value("h12", of: "2") == 1)  // Tuesday's pilot run
            let capabilities = try #require(report.section("capabilities"))
            #expect(capabilities.value("bookedHours", of: "cnc.lathe") == 4)
        }
    }

    @Test("category shares of booked resource-hours, against the policy's bounds")
    func categoryShares() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let policies = PolicyService(database: db)
            var policy = try await policies.policy(of: fixture.centerId, as: .system)
            policy.shares = [
                CategoryShare(category: .studentTraining, minPercent: 40, maxPercent: 100),
                CategoryShare(category: .pilotProduction, minPercent: 0, maxPercent: 25),
            ]
            _ = try await policies.replace(policy, of: fixture.centerId, version: policy.version ?? 0, as: .system)
            let report = try await ReportService(database: db).report(
                .categoryShares, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            let period = try #require(report.section("period"))
            #expect(period.value("hours", of: "student_training") == 4)
            #expect(period.value("percent", of: "student_training") == 28.6)
            #expect(period.value("within", of: "student_training") == 0)
            #expect(period.value("percent", of: "pilot_production") == 71.4)
            #expect(period.value("maxPercent", of: "pilot_production") == 25)
            let weeks = try #require(report.section("weeks"))
            #expect(weeks.value("hours", of: "2026-03-02") == 14)
        }
    }

    @Test("teaching counts the instructors of held sessions by affiliation")
    func teaching() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let report = try await ReportService(database: db).report(
                .teaching, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            let summary = try #require(report.section("summary"))
            #expect(summary.value("sessions", of: "schoolTeachers") == 1)  // the other did not take place
            #expect(summary.value("hours", of: "schoolTeachers") == 1.5)
            #expect(summary.value("hours", of: "enterpriseStaff") == nil)
            #expect(summary.value("twoTeacherSessions", of: "total") == 0)
            // no two-teacher session: the instructors' sessions add up to the total's
            let instructors = try #require(report.section("instructors")).rows
            #expect(!instructors.isEmpty)
            #expect(instructors.reduce(0) { $0 + $1.values[0] } == summary.value("sessions", of: "total"))
        }
    }

    @Test("pilot days per enterprise: the enterprise and managers see its row, another SME only totals")
    func pilotConfidential() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let service = ReportService(database: db)
            let row = fixture.enterprise.id.uuidString.lowercased()
            let managers = try await service.report(
                .pilot, at: fixture.centerId, filter: ReportFixture.week, as: fixture.manager)
            #expect(managers.section("enterprises")?.value("days", of: row) == 1)
            #expect(managers.section("enterprises")?.value("hours", of: "total") == 10)

            let own = try await AttendanceFixture.account(
                RoleGrant(role: .enterpriseCoordinator), of: fixture.enterprise.id, db: db)
            let owner = try await service.report(.pilot, at: fixture.centerId, filter: ReportFixture.week, as: own)
            #expect(owner.section("enterprises")?.value("days", of: row) == 1)

            let other = try await AttendanceFixture.account(
                RoleGrant(role: .enterpriseCoordinator), of: fixture.sme.id, db: db)
            let smes = try await service.report(.pilot, at: fixture.centerId, filter: ReportFixture.week, as: other)
            let rows = try #require(smes.section("enterprises")).rows
            #expect(!rows.contains { $0.organizationId == fixture.enterprise.id })
            #expect(smes.section("enterprises")?.value("days", of: "total") == 0)  // its own: none
            #expect(smes.section("enterprises")?.value("days", of: ReportRow.centerTotalKey) == 1)

            let auditor = try await AttendanceFixture.account(
                RoleGrant(role: .auditor), of: fixture.attendance.center.school.id, db: db)
            let audited = try await service.report(
                .pilot, at: fixture.centerId, filter: ReportFixture.week, as: auditor)
            #expect(audited.section("enterprises")?.rows.map(\.key) == ["total"])

            await #expect(throws: ServiceError.self) {
                try await service.report(
                    .pilot, at: fixture.centerId,
                    filter: try ReportFilter(
                        from: ReportFixture.week.from, to: ReportFixture.week.to, organizationId: fixture.enterprise.id),
                    as: other)
            }
            await #expect(throws: ServiceError.self) {
                try await service.report(
                    .pilot, at: fixture.centerId, filter: ReportFixture.week, as: fixture.attendance.instructorCaller)
            }
        }
    }

    @Test("the public report reads each indicator from its report; its public edition names no enterprise")
    func publicReport() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let service = ReportService(database: db)
            let full = try await service.publicReport(
                at: fixture.centerId, filter: ReportFixture.week, edition: .full, as: fixture.manager)
            let value = { (key: String) in full.indicators.first { $0.key == key }?.value }
            #expect(value("studentsTrained") == 3)
            #expect(value("teacherPracticeHours") == 1.5)
            #expect(value("pilotDays") == 1)
            #expect(full.indicators.first { $0.key == "graduatesEmployed" }?.isComputed == false)
            #expect(full.pilotEnterprises.map(\.organizationId) == [fixture.enterprise.id])
            let published = try await service.publicReport(
                at: fixture.centerId, filter: ReportFixture.week, edition: .public,
                as: fixture.attendance.instructorCaller)
            #expect(published.pilotEnterprises.isEmpty)
            #expect(published.indicators == full.indicators)
            let csv = String(decoding: ReportService.csv(published).bytes(), as: UTF8.self)
            #expect(!csv.contains(fixture.enterprise.name))
        }
    }

    @Test("a period over five years or ending before it starts, and an unknown organization, are refused")
    func badInput() async throws {
        let from = CalendarDate(iso: "2020-01-01")!
        let long = #expect(throws: DomainError.self) {
            _ = try ReportFilter(from: from, to: from.adding(days: 5 * 366))
        }
        #expect(long?.field == "to" && long?.rule == "period")
        let backwards = #expect(throws: DomainError.self) {
            _ = try ReportFilter(from: from, to: from.adding(days: -1))
        }
        #expect(backwards?.field == "to" && backwards?.rule == "afterFrom")
        _ = try ReportFilter(from: from, to: from.adding(days: 5 * 366 - 1))
        try await TestDatabase.withPool { db in
            let fixture = try await ReportFixture(db)
            let error = await #expect(throws: ServiceError.self) {
                try await ReportService(database: db).report(
                    .people, at: fixture.centerId,
                    filter: try ReportFilter(from: from, to: from, organizationId: UUID()), as: fixture.manager)
            }
            guard case .invalid(let invalid) = error else {
                Issue.record("not invalid: \(String(describing: error))")
                return
            }
            #expect(invalid.field == "organization" && invalid.rule == "unknown")
        }
    }
}
