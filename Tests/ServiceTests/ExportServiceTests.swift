import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("CSV export: Excel's bytes, and a round trip through the import")
struct ExportServiceTests {
    @Test("resources, instructors and classes exported and imported again change nothing")
    func roundTrip() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let organizations = OrganizationService(database: db)
            _ = try await organizations.addInstructor(
                NewInstructor(
                    organizationId: fixture.school.id, name: "王老师", postType: .flexible, weeklyHourCap: 16,
                    skills: [
                        .init(skill: "plc", expiresOn: CalendarDate(iso: "2027-06-30")), .init(skill: "cnc.lathe"),
                    ],
                    availability: [.init(weekday: 1, from: ClockTime(text: "08:00")!, to: ClockTime(text: "12:00")!)]),
                to: fixture.center.id, as: .system)
            _ = try await organizations.addCohort(
                NewCohort(
                    name: "数控2301", size: 30,
                    availability: ClassAvailability(
                        freeAnyTime: false,
                        freeTimes: [.init(weekday: 2, from: ClockTime(text: "13:30")!, to: ClockTime(text: "17:30")!)],
                        travelMinutes: 15)),
                to: fixture.school.id, as: .system)
            let exports = ExportService(database: db)
            let imports = ImportService(database: db)
            let resources = try await exports.resources(of: fixture.center.id, as: .system)
            #expect(resources.rows.count == 5)
            #expect(resources.rows.contains(["数控车床", "equipment_line", "1", "cnc.lathe", "数控车间"]))
            let instructors = try await exports.instructors(of: fixture.center.id, as: .system)
            #expect(
                instructors.rows == [
                    ["王老师", fixture.school.name, "flexible", "16", "cnc.lathe;plc:2027-06-30", "Mon AM"]
                ])
            let classes = try await exports.classes(of: fixture.school.id, as: .system)
            #expect(classes.rows == [[fixture.school.name, "数控2301", "30", "Tue PM", "15"]])
            for (kind, file) in [(ImportKind.resources, resources), (.instructors, instructors), (.classes, classes)] {
                let report = try await imports.importFile(
                    kind, bytes: file.bytes(), center: fixture.center.id, dryRun: false, as: .system)
                #expect(report.errors.isEmpty && report.unchanged == file.rows.count, "\(kind)")
                #expect(report.created == 0 && report.updated == 0, "\(kind)")
            }
        }
    }

    @Test("a timetable export: local date and times in the center's zone, the resource and title; Excel's bytes")
    func timetable() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            _ = try await BookingService(database: db).book(
                fixture.booking([.init(resourceId: fixture.lathe.id)], from: 8, to: 10), in: fixture.center.id,
                as: .system)
            let file = try await ExportService(database: db).timetable(
                of: .resource(fixture.lathe.id), from: CenterFixture.time(0), to: CenterFixture.time(23),
                at: fixture.center.id, as: .system)
            #expect(file.rows.count == 1)
            #expect(file.rows[0].prefix(4) == ["2026-03-02", "08:00", "10:00", "数控车床"])
            #expect(file.rows[0][5] == "数控实训")
            let bytes = file.bytes()
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF] && Array(bytes.suffix(2)) == [0x0D, 0x0A])
        }
    }
}
