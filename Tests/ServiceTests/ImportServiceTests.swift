import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("CSV import: dry run, all or nothing, idempotent, through the door")
struct ImportServiceTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = TestDatabase.repositoryRoot.appendingPathComponent("Tests/ServiceTests/Fixtures/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static func names(_ center: UUID, _ db: Database) async throws -> [String] {
        try await CenterService(database: db).resources(of: center, page: Page(limit: 500), as: .system).map(\.name)
    }

    @Test(
        "a GB18030 file with a bad row: the dry run names row, column and rule and writes nothing; fixed, it imports; again, nothing changes"
    )
    func gb18030() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let manager = try await fixture.manager()
            let imports = ImportService(database: db)
            let before = try await Self.names(fixture.center.id, db)
            let dry = try await imports.importFile(
                .resources, bytes: try Self.fixture("resources-gb18030-bad.csv"), center: fixture.center.id,
                dryRun: true, as: manager)
            #expect(dry.encoding == .gb18030 && dry.rows == 3 && !dry.written)
            #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["4 seats integer"])
            #expect(dry.errors[0].message.zh.contains("第4行"))
            #expect(dry.created == 2)  // the good rows would be created
            #expect(try await Self.names(fixture.center.id, db) == before)
            // a real run of the bad file writes nothing either
            let refused = try await imports.importFile(
                .resources, bytes: try Self.fixture("resources-gb18030-bad.csv"), center: fixture.center.id,
                dryRun: false, as: manager)
            #expect(!refused.written && refused.errors.count == 1)
            #expect(try await Self.names(fixture.center.id, db) == before)

            let real = try await imports.importFile(
                .resources, bytes: try Self.fixture("resources-gb18030.csv"), center: fixture.center.id,
                dryRun: false, as: manager)
            #expect(real.written && real.created == 3 && real.errors.isEmpty)
            let stored = try await CenterService(database: db).resources(
                of: fixture.center.id, page: Page(limit: 500), as: .system)
            let pool = try #require(stored.first { $0.name == "焊接工位,机器人" })
            #expect(pool.kind == .workstationPool && pool.seats == 6 && pool.capabilities == ["welding.robot"])
            #expect(pool.parentId == stored.first { $0.name == "实训车间" }?.id)
            let again = try await imports.importFile(
                .resources, bytes: try Self.fixture("resources-gb18030.csv"), center: fixture.center.id,
                dryRun: false, as: manager)
            #expect(again.unchanged == 3 && again.created == 0 && again.updated == 0)
            let imported = stored.filter { ["实训车间", "数控车床A", "焊接工位,机器人"].contains($0.name) }
            let audited = try await db.query(
                """
                SELECT count(*)::int8 AS n FROM audit_log
                WHERE entity = 'resource' AND entity_id = ANY(\(imported.map(\.id.uuidString))::text[])
                """
            ).first!.decode("n", as: Int.self)
            #expect(audited == 3)  // one creation each: the second import wrote nothing
        }
    }

    @Test("UTF-8 with a BOM and English headers: a changed row updates, a bad tag is reported with its column")
    func updates() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let text =
                "\u{FEFF}name,kind,seats,capabilities\r\n工业机器人工作站,workstation_pool,6,\r\n中试线,equipment_line,1,\"nope.tag\"\r\n"
            let imports = ImportService(database: db)
            let dry = try await imports.importFile(
                .resources, bytes: Array(text.utf8), center: fixture.center.id, dryRun: true, as: .system)
            #expect(dry.encoding == .utf8 && dry.updated == 1)
            #expect(dry.errors.map { "\($0.row) \($0.column) \($0.rule)" } == ["3 capabilities catalogue"])
            let fixed = text.replacingOccurrences(of: "\"nope.tag\"", with: "plc")
            let real = try await imports.importFile(
                .resources, bytes: Array(fixed.utf8), center: fixture.center.id, dryRun: false, as: .system)
            #expect(real.written && real.updated == 2)
            let pool = try await CenterService(database: db).resource(fixture.pool.id, as: .system)
            #expect(pool.seats == 6 && pool.version == 2)
        }
    }

    @Test("an unknown column or a missing one is the file's fault: 422 naming the header")
    func header() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            await #expect(throws: ServiceError.self) {
                _ = try await ImportService(database: db).importFile(
                    .resources, bytes: Array("name,colour\nA,red\n".utf8), center: fixture.center.id, dryRun: true,
                    as: .system)
            }
            do {
                _ = try await ImportService(database: db).importFile(
                    .resources, bytes: Array("name,kind\nA,room\n".utf8), center: fixture.center.id, dryRun: true,
                    as: .system)
                Issue.record("a file without its seats column was read")
            } catch ServiceError.invalid(let error) {
                #expect(error.field == "file/header" && error.rule == "missingColumn")
            }
        }
    }

    @Test("a coordinator imports the school's own classes with free times; another school's classes are refused whole")
    func classes() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let organizations = OrganizationService(database: db)
            let coordinator = try await RequestLifeCycleTests.coordinator(
                of: fixture.school.id, role: .schoolCoordinator, in: db)
            let own = "班级,人数,空闲时间,路程分钟\n数控2301,30,周一上午;Wed PM,20\n"
            let imports = ImportService(database: db)
            let report = try await imports.importFile(
                .classes, bytes: Array(own.utf8), center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(report.written && report.created == 1)
            let cohort = try #require(
                try await organizations.cohorts(of: fixture.school.id, page: Page(), as: coordinator).first)
            #expect(!cohort.availability.freeAnyTime && cohort.availability.freeTimes.count == 2)
            #expect(cohort.availability.travelMinutes == 20)
            let again = try await imports.importFile(
                .classes, bytes: Array(own.utf8), center: fixture.center.id, dryRun: false, as: coordinator)
            #expect(again.unchanged == 1)

            let other = try await organizations.create(
                name: "另一所中职 \(UUID().uuidString.prefix(6))", kind: .secondaryVocationalSchool, as: .system)
            let foreign = "school,name,size\n\(other.name),焊接2302,25\n"
            await #expect(throws: ServiceError.self) {
                _ = try await imports.importFile(
                    .classes, bytes: Array(foreign.utf8), center: fixture.center.id, dryRun: true, as: coordinator)
            }
            #expect(try await organizations.cohorts(of: other.id, page: Page(), as: .system).isEmpty)
        }
    }

    @Test("a coordinator may not import a center's resources")
    func resourcesNeedAManager() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            await #expect(throws: ServiceError.self) {
                _ = try await ImportService(database: db).importFile(
                    .resources, bytes: Array("name,kind,seats\nA,room,10\n".utf8), center: fixture.center.id,
                    dryRun: true, as: .coordinator(of: fixture.school.id))
            }
        }
    }
}
