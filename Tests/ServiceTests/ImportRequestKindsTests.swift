import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("CSV import of upskilling, shared-employee seat and pilot-production requests")
struct ImportRequestKindsTests {
    /// The fixture file with one ASCII run replaced (GB18030 keeps ASCII as it is): its bad twin.
    static func fixture(_ name: String, replacing good: String, with bad: String) throws -> [UInt8] {
        let bytes = try ImportServiceTests.fixture(name)
        let replaced = bytes.replacing(Array(good.utf8), with: Array(bad.utf8))
        #expect(replaced != bytes, "\(good) is not in \(name)")
        return replaced
    }

    /// Imports `bytes` dry, then the bad twin for real, then `good` twice: returns the first real
    /// import's report after checking that the refused run and the second import changed nothing.
    static func importTwice(
        _ kind: ImportKind, bad: [UInt8], good: [UInt8], at fixture: CenterFixture, as caller: Principal,
        expecting errors: [String]
    ) async throws -> ImportReport {
        let imports = ImportService(database: fixture.db)
        let center = fixture.center.id
        let dry = try await imports.importFile(kind, bytes: bad, center: center, dryRun: true, as: caller)
        #expect(dry.encoding == .gb18030 && dry.rows == 2 && !dry.written)
        #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == errors)
        #expect(dry.errors.first?.message.zh.contains("第\(dry.errors.first?.row ?? 0)行") == true)
        #expect(dry.created == 1)  // the good row would be created
        let refused = try await imports.importFile(kind, bytes: bad, center: center, dryRun: false, as: caller)
        #expect(!refused.written && refused.errors.count == errors.count)
        #expect(try await ImportRequestTests.requests(fixture, fixture.db).isEmpty)

        let real = try await imports.importFile(kind, bytes: good, center: center, dryRun: false, as: caller)
        #expect(real.written && real.created == 2 && real.errors.isEmpty)
        let stored = try await ImportRequestTests.requests(fixture, fixture.db)
        let again = try await imports.importFile(kind, bytes: good, center: center, dryRun: false, as: caller)
        #expect(again.written && again.unchanged == 2 && again.created == 0 && again.updated == 0)
        #expect(
            try await ImportRequestTests.requests(fixture, fixture.db).mapValues(\.version)
                == stored.mapValues(\.version))
        return real
    }

    /// A coordinator of a new organization of `kind`.
    static func coordinator(
        _ kind: OrganizationKind, at fixture: CenterFixture
    ) async throws -> (Organization, Principal) {
        let organization = try await OrganizationService(database: fixture.db).create(
            name: "企业 \(UUID().uuidString.prefix(6))", kind: kind, as: .system)
        let caller = try await RequestLifeCycleTests.coordinator(
            of: organization.id, role: .enterpriseCoordinator, in: fixture.db)
        return (organization, caller)
    }

    @Test(
        "upskilling: a GB18030 file with a bad row is named dry and refused; fixed it imports; again, nothing changes")
    func upskilling() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let (enterprise, coordinator) = try await Self.coordinator(.largeEnterprise, at: fixture)
            let name = "upskilling-gb18030.csv"
            _ = try await Self.importTwice(
                .upskilling, bad: try Self.fixture(name, replacing: "24,180", with: "24,170"),
                good: try ImportServiceTests.fixture(name), at: fixture, as: coordinator,
                expecting: ["2 session_minutes divides"])
            let stored = try await ImportRequestTests.requests(fixture, db)
            let lathe = try #require(stored["数控车工提升"])
            #expect(lathe.state == .submitted && lathe.organizationId == enterprise.id)
            guard case .employeeUpskilling(let details) = lathe.details else {
                Issue.record("not an upskilling request")
                return
            }
            #expect(details.participants == 12 && details.totalHours == 24 && details.skill == "cnc.lathe")
            let evening = EmployeeUpskillingDetails.AllowedTime(
                weekdays: [1, 3], from: ClockTime(text: "18:30")!, to: ClockTime(text: "21:00")!)
            let saturday = EmployeeUpskillingDetails.AllowedTime(
                weekdays: [6], from: ClockTime(text: "08:00")!, to: ClockTime(text: "17:00")!)
            #expect(details.allowedTimes == [evening, saturday])
            #expect(stored["PLC编程入门"]?.state == .draft)  // titled after its course

            // another enterprise's coordinator naming this one is refused the whole file
            let (_, stranger) = try await Self.coordinator(.sme, at: fixture)
            let named =
                "organization,course,participants,skill,total_hours,session_minutes,earliest,latest\n"
                + "\(enterprise.name),数控车工提升,12,cnc.lathe,24,180,2026-03-01,2026-04-30\n"
            await #expect(throws: ServiceError.self) {
                _ = try await ImportService(database: db).importFile(
                    .upskilling, bytes: Array(named.utf8), center: fixture.center.id, dryRun: true, as: stranger)
            }
        }
    }

    @Test(
        "seats: named by the course's title; a bad row named dry; again, nothing changes; more seats edit the request")
    func seats() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            var courses: [String: Request] = [:]
            for title in ["焊接机器人编程", "PLC 维护"] {
                courses[title] = try await RequestService(database: db).create(
                    NewRequest(
                        organizationId: fixture.center.operatorId, title: title,
                        details: .sharedEmployee(
                            .init(
                                capacity: 12, minEnrolment: 4, decisionDate: CalendarDate(iso: "2026-03-20"),
                                sessions: 6, sessionMinutes: 180, skill: "welding.robot")),
                        submit: true),
                    in: fixture.center.id, as: .system)
                try await TestDatabase.dateCourse(courses[title]!.id, on: db)  // seats are sold in dated courses
            }
            let offered = Set(courses.values.map(\.title))
            let listed = { try await ImportRequestTests.requests(fixture, db).filter { !offered.contains($0.key) } }
            let (sme, coordinator) = try await Self.coordinator(.sme, at: fixture)
            let imports = ImportService(database: db)
            let unknown = try await imports.importFile(
                .seats, bytes: Array("course,seats\n没有这门课,2\n".utf8), center: fixture.center.id, dryRun: true,
                as: coordinator)
            #expect(unknown.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["2 course exists"])

            let name = "seats-gb18030.csv"
            let bad = try Self.fixture(name, replacing: ",3,", with: ",0,")
            let dry = try await imports.importFile(
                .seats, bytes: bad, center: fixture.center.id, dryRun: true, as: coordinator)
            #expect(dry.encoding == .gb18030 && dry.created == 1 && !dry.written)
            #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["2 seats range"])
            _ = try await imports.importFile(
                .seats, bytes: bad, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(try await listed().isEmpty)

            let good = try ImportServiceTests.fixture(name)
            let real = try await imports.importFile(
                .seats, bytes: good, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(real.written && real.created == 2)
            let stored = try await listed()
            let welding = try #require(stored["焊接机器人编程 × 3"])
            #expect(welding.state == .submitted && welding.organizationId == sme.id)
            #expect(
                welding.details
                    == .sharedEmployee(
                        .init(courseRequestId: courses["焊接机器人编程"]?.id, seats: 3, preferredWeekdays: [2, 4])))
            #expect(stored["PLC 维护 × 2"]?.state == .draft)
            let again = try await imports.importFile(
                .seats, bytes: good, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(again.unchanged == 2 && again.created == 0 && again.updated == 0)
            #expect(try await listed().mapValues(\.version) == stored.mapValues(\.version))

            let more = try Self.fixture(name, replacing: ",3,", with: ",5,")
            let changed = try await imports.importFile(
                .seats, bytes: more, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(changed.updated == 1 && changed.unchanged == 1)
            let edited = try #require(try await listed()["焊接机器人编程 × 5"])
            #expect(edited.id == welding.id && edited.version == welding.version + 1)
        }
    }

    @Test("pilot runs: the line by its name; a bad window named dry; fixed it imports; again, nothing changes")
    func pilotRuns() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let (enterprise, coordinator) = try await Self.coordinator(.largeEnterprise, at: fixture)
            let unknown = try await ImportService(database: db).importFile(
                .pilotRuns,
                bytes: Array("title,line,days,earliest_start,latest_start\n试产,没有这条线,2,2026-04-06,2026-04-20\n".utf8),
                center: fixture.center.id, dryRun: true, as: coordinator)
            #expect(unknown.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["2 line exists"])

            let name = "pilot-runs-gb18030.csv"
            _ = try await Self.importTwice(
                .pilotRuns, bad: try Self.fixture(name, replacing: "2026-04-20", with: "2026-03-20"),
                good: try ImportServiceTests.fixture(name), at: fixture, as: coordinator,
                expecting: ["2 latest_start notBeforeStart"])
            let stored = try await ImportRequestTests.requests(fixture, db)
            let gears = try #require(stored["新型齿轮中试"])
            #expect(gears.state == .submitted && gears.organizationId == enterprise.id)
            #expect(
                gears.details
                    == .pilotProduction(
                        .init(
                            resourceId: fixture.pilotLine.id, days: 3, earliestStart: CalendarDate(iso: "2026-04-06")!,
                            latestStart: CalendarDate(iso: "2026-04-20")!, changeoverBeforeMinutes: 120,
                            changeoverAfterMinutes: 60)))
            guard case .pilotProduction(let trial) = stored["工艺验证"]?.details else {
                Issue.record("no pilot run 工艺验证")
                return
            }
            #expect(trial.resourceId == nil && trial.capability == "cnc.5axis" && trial.days == 2)
        }
    }

    @Test(
        "a row changing a rejected pilot run is refused (editable); a manager's seats for a large enterprise are (category)"
    )
    func refusedRows() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let (enterprise, coordinator) = try await Self.coordinator(.largeEnterprise, at: fixture)
            let imports = ImportService(database: db)
            let file = { (days: Int) in
                Array(
                    "title,line,days,earliest_start,latest_start,submit\n试产,中试线,\(days),2026-04-06,2026-04-20,yes\n"
                        .utf8)
            }
            _ = try await imports.importFile(
                .pilotRuns, bytes: file(2), center: fixture.center.id, dryRun: false, as: coordinator)
            let run = try #require(try await ImportRequestTests.requests(fixture, db)["试产"])
            _ = try await RequestService(database: db).move(
                run.id, to: .rejected, reason: "线体检修", version: run.version, as: try await fixture.manager())
            let changed = try await imports.importFile(
                .pilotRuns, bytes: file(3), center: fixture.center.id, dryRun: false, as: coordinator)
            // the request service's own rule, its sentence in both languages
            #expect(
                changed.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["2 row editable"] && !changed.written)
            #expect(changed.errors.first?.message.zh.hasPrefix("第2行「row」：当前状态下不能修改（") == true)
            #expect(changed.errors.first?.message.en.contains("rejected") == true)

            let course = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: fixture.center.operatorId, title: "焊接机器人编程",
                    details: .sharedEmployee(
                        .init(
                            capacity: 12, minEnrolment: 4, decisionDate: CalendarDate(iso: "2026-03-20"), sessions: 6,
                            sessionMinutes: 180, skill: "welding.robot")),
                    submit: true),
                in: fixture.center.id, as: .system)
            let seats = try await imports.importFile(
                .seats, bytes: Array("organization,course,seats\n\(enterprise.name),\(course.id.uuidString),2\n".utf8),
                center: fixture.center.id, dryRun: true, as: try await fixture.manager())
            #expect(seats.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["2 organization category"])
        }
    }
}
