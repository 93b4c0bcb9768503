import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Exports of bookings, rosters and attendance; the same files as Excel workbooks")
struct ExportRecordsTests {
    /// A school's lesson on the lathe 08:00–10:00 and an enterprise's pilot run in the workshop 13:00–17:00.
    static func week(_ center: CenterFixture, _ db: Database) async throws -> (lesson: Booking, pilot: Booking) {
        let enterprise = try await OrganizationService(database: db).create(
            name: "潍柴动力 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
        let bookings = BookingService(database: db, now: TestClock.term)
        let lesson = try await bookings.book(
            center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, title: "数控车削, \"基础\""),
            in: center.center.id, as: .system)
        var pilot = center.booking(
            [.init(resourceId: center.workshop.id)], from: 13, to: 17, category: .pilotProduction, title: "新型缸体试制")
        pilot.organizationId = enterprise.id
        return (lesson, try await bookings.book(pilot, in: center.center.id, as: .system))
    }

    @Test("a coordinator's bookings: their own in full, another's pilot production as occupied only; filters")
    func bookings() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let (lesson, pilot) = try await Self.week(center, db)
            let exports = ExportService(database: db)
            let (from, to) = (CenterFixture.time(0), CenterFixture.time(0, day: 3))
            let coordinator = Principal.coordinator(of: center.school.id)
            let all = try await exports.bookings(
                in: center.center.id, from: from, to: to, filter: .init(), as: coordinator)
            #expect(all.header == ExportService.bookingColumns.map(\.key))
            #expect(
                all.rows == [
                    [
                        "2026-03-02", "08:00", "10:00", "数控车床", "confirmed", "student_training", "数控车削, \"基础\"",
                        center.school.name, "0", lesson.id.uuidString.lowercased(),
                    ],
                    ["2026-03-02", "13:00", "17:00", "数控车间", "confirmed", "", "占用 / Occupied", "", "", ""],
                ])
            let own = try await exports.bookings(
                in: center.center.id, from: from, to: to, filter: .init(organizationId: center.school.id),
                as: coordinator)
            #expect(own.rows.map(\.last) == [lesson.id.uuidString.lowercased()])
            let workshop = try await exports.bookings(
                in: center.center.id, from: from, to: to, filter: .init(resourceId: center.workshop.id),
                as: .manager(of: center.center.id))
            #expect(workshop.rows.map { $0[6] } == ["新型缸体试制"])
            #expect(workshop.rows.map(\.last) == [pilot.id.uuidString.lowercased()])
            let training = try await exports.bookings(
                in: center.center.id, from: from, to: to, filter: .init(category: .pilotProduction), as: coordinator)
            #expect(training.rows.isEmpty)
        }
    }

    @Test("a session's roster with its marks; a week's attendance holds only the rosters the caller may read")
    func attendance() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let absent = fixture.students[2]
            _ = try await AttendanceService(database: db).mark(
                AttendanceMarks(allPresent: true, marks: [.init(participantId: absent.id, mark: .absent)]),
                session: fixture.session.id, now: AttendanceFixture.at(8), as: fixture.instructorCaller)
            let exports = ExportService(database: db)
            let roster = try await exports.roster(of: fixture.session.id, as: fixture.instructorCaller)
            #expect(roster.rows.count == 3)
            let wang = try #require(roster.rows.first { $0[4] == "王五" })
            #expect(
                wang.prefix(9) == [
                    "2026-03-02", "08:00", "10:00", "数控实训", "王五", "2401003", "2", "absent", "instructor",
                ])
            #expect(!wang[9].isEmpty && wang[10].isEmpty)  // marked (at the server's clock), not corrected
            #expect(roster.rows.filter { $0[7] == "present" }.count == 2)
            let (from, to) = (AttendanceFixture.at(0), CenterFixture.time(0, day: 9))
            let week = try await exports.attendance(
                in: fixture.center.center.id, from: from, to: to, as: .manager(of: fixture.center.center.id))
            #expect(week.rows == roster.rows)
            let stranger = try await exports.attendance(
                in: fixture.center.center.id, from: from, to: to, as: .coordinator(of: UUID()))
            #expect(stranger.rows.isEmpty)
            await #expect(throws: ServiceError.self) {
                _ = try await exports.roster(of: fixture.session.id, as: .coordinator(of: UUID()))
            }
        }
    }

    @Test(
        "the .xlsx of an export, read back by openpyxl: one sheet, the same cells (Chinese, quotes, commas), bold header"
    )
    func workbook() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            _ = try await Self.week(center, db)
            let file = try await ExportService(database: db).bookings(
                in: center.center.id, from: CenterFixture.time(0), to: CenterFixture.time(0, day: 3), filter: .init(),
                as: .coordinator(of: center.school.id))
            let read = try await Self.readBack(try file.xlsx(sheet: "bookings"))
            #expect(read.sheets == ["bookings"])
            #expect(read.rows == [file.header] + file.rows)
            #expect(read.boldHeader == Array(repeating: true, count: file.header.count))
            #expect(read.frozen == "A2")
            // the same rows give the same bytes
            #expect(try file.xlsx(sheet: "bookings") == (try file.xlsx(sheet: "bookings")))
        }
    }

    /// What `scripts/test.d/read_xlsx.py` (openpyxl) reads in a workbook; empty cells as "".
    static func readBack(
        _ bytes: [UInt8]
    ) async throws -> (
        sheets: [String], rows: [[String]], boldHeader: [Bool], frozen: String?
    ) {
        struct Read: Decodable {
            var sheets: [String]
            var rows: [[String?]]
            var boldHeader: [Bool]
            var frozen: String?
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("praxis-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let python = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["PRAXIS_TEST_PYTHON"] ?? "/usr/bin/python3")
        let script = TestDatabase.repositoryRoot.appendingPathComponent("scripts/test.d/read_xlsx.py").path
        let output = try await Command.run(python, [script, path.path])
        let read = try JSONDecoder().decode(Read.self, from: Data(output.utf8))
        return (read.sheets, read.rows.map { $0.map { $0 ?? "" } }, read.boldHeader, read.frozen)
    }
}
