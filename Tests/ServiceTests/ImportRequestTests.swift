import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("CSV import of requests and participants: dry run, all or nothing, idempotent, by the organization")
struct ImportRequestTests {
    /// The school's requests at the center, by title.
    static func requests(_ fixture: CenterFixture, _ db: Database) async throws -> [String: Request] {
        let listed = try await RequestService(database: db).requests(
            in: fixture.center.id, state: nil, category: nil, page: Page(limit: 500), as: .system)
        return Dictionary(uniqueKeysWithValues: listed.map { ($0.title, $0) })
    }

    @Test(
        "a coordinator's GB18030 file with a bad row: the dry run names it and writes nothing; fixed, it creates the requests; again, nothing changes"
    )
    func gb18030() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let cohort = try await OrganizationService(database: db).addCohort(
                NewCohort(name: "数控2301", size: 30), to: fixture.school.id, as: .system)
            let coordinator = try await RequestLifeCycleTests.coordinator(
                of: fixture.school.id, role: .schoolCoordinator, in: db)
            let imports = ImportService(database: db)
            let bad = try ImportServiceTests.fixture("requests-gb18030-bad.csv")
            let dry = try await imports.importFile(
                .requests, bytes: bad, center: fixture.center.id, dryRun: true, as: coordinator)
            #expect(dry.encoding == .gb18030 && dry.rows == 2 && dry.created == 1 && !dry.written)
            #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["3 session_minutes integer"])
            #expect(dry.errors[0].message.zh.contains("第3行「session_minutes」"))
            let refused = try await imports.importFile(
                .requests, bytes: bad, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(!refused.written)
            #expect(try await Self.requests(fixture, db).isEmpty)

            let good = try ImportServiceTests.fixture("requests-gb18030.csv")
            let real = try await imports.importFile(
                .requests, bytes: good, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(real.written && real.created == 2 && real.errors.isEmpty)
            let stored = try await Self.requests(fixture, db)
            let lathe = try #require(stored["数控车削实训"])
            #expect(lathe.state == .submitted && lathe.organizationId == fixture.school.id)
            guard case .studentTraining(let details) = lathe.details else {
                Issue.record("not a student-training request")
                return
            }
            #expect(details.cohortId == cohort.id && details.sessionsPerWeek == 2 && details.weeks == 8)
            #expect(details.sessionMinutes == 120 && details.preferredWeekdays == [1, 3])
            #expect(stored["机器人焊接实训"]?.state == .draft)

            let again = try await imports.importFile(
                .requests, bytes: good, center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(again.unchanged == 2 && again.created == 0 && again.updated == 0)
            #expect(try await Self.requests(fixture, db).mapValues(\.version) == stored.mapValues(\.version))
        }
    }

    @Test("a changed row edits the submitted request; another school's coordinator is refused the whole file")
    func editsAndScope() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            _ = try await OrganizationService(database: db).addCohort(
                NewCohort(name: "数控2301", size: 30), to: fixture.school.id, as: .system)
            let manager = try await fixture.manager()
            let imports = ImportService(database: db)
            let file = { (weeks: Int) in
                Array(
                    """
                    organization,title,class,course,sessions_per_week,weeks,start_date,session_minutes,capability,submit
                    \(fixture.school.name),数控车削实训,数控2301,数控车削,2,\(weeks),2026-03-02,120,cnc.lathe,yes
                    """.utf8)
            }
            #expect(
                try await imports.importFile(
                    .requests, bytes: file(8), center: fixture.center.id, dryRun: false, as: manager
                ).created == 1)
            let changed = try await imports.importFile(
                .requests, bytes: file(10), center: fixture.center.id, dryRun: false, as: manager)
            #expect(changed.updated == 1 && changed.written)
            let request = try #require(try await Self.requests(fixture, db)["数控车削实训"])
            guard case .studentTraining(let details) = request.details else { return }
            #expect(details.weeks == 10 && request.version == 2)

            let other = try await OrganizationService(database: db).create(
                name: "另一所学校 \(UUID().uuidString.prefix(6))", kind: .secondaryVocationalSchool, as: .system)
            let stranger = try await RequestLifeCycleTests.coordinator(of: other.id, role: .schoolCoordinator, in: db)
            await #expect(throws: ServiceError.self) {
                _ = try await imports.importFile(
                    .requests, bytes: file(12), center: fixture.center.id, dryRun: true, as: stranger)
            }
        }
    }

    @Test("an enterprise names its course's participants from a file by the request's title; again, nothing changes")
    func participants() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let (enterprise, request) = try await AttendanceFixture.course(at: fixture, db: db)
            let coordinator = try await AttendanceFixture.account(
                RoleGrant(role: .enterpriseCoordinator), of: enterprise.id, db: db)
            let imports = ImportService(database: db)
            let text = "申请,姓名,工号,电话\n数控车工提升,陈工,E1001,138 0000 0000\n数控车工提升,刘工,E 1002,\n"
            let dry = try await imports.importFile(
                .participants, bytes: Array(text.utf8), center: fixture.center.id, dryRun: true, as: coordinator)
            #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["3 number format"])
            let fixed = text.replacingOccurrences(of: "E 1002", with: "E1002")
            let real = try await imports.importFile(
                .participants, bytes: Array(fixed.utf8), center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(real.written && real.created == 2)
            let named = try await ParticipantService(database: db).participants(of: request.id, as: coordinator)
            #expect(Set(named.map(\.name)) == ["陈工", "刘工"])
            // the export has the import's columns: imported again, it changes nothing
            let exported = try await ExportService(database: db).participants(of: request.id, as: coordinator)
            let again = try await imports.importFile(
                .participants, bytes: exported.bytes(), center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(again.unchanged == 2 && again.created == 0 && again.errors.isEmpty)
            // a school's coordinator may not name the enterprise's people
            let school = try await RequestLifeCycleTests.coordinator(
                of: fixture.school.id, role: .schoolCoordinator, in: db)
            let byId = "request,name\n\(request.id.uuidString),王工\n"
            await #expect(throws: ServiceError.self) {
                _ = try await imports.importFile(
                    .participants, bytes: Array(byId.utf8), center: fixture.center.id, dryRun: true, as: school)
            }
        }
    }
}
