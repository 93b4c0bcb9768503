import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Importing the official holidays")
struct CalendarImportTests {
    /// In a database of its own: the calendar days are national, shared by every center.
    static func auditRows(_ db: Database) async throws -> Int {
        try await db.query("SELECT count(*)::int4 AS n FROM audit_log WHERE entity = 'calendar_days'").first!.decode(
            "n")
    }

    @Test("the shipped file loads both years; importing it again changes nothing and audits nothing")
    func goodFileTwice() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let service = CalendarService(database: db)
            let csv = HolidayCSV(text: try OfficialCalendar.csv(), makeupRule: .sameAsHoliday)
            let first = try await service.importDays(csv, as: .system)
            #expect(first.changedYears == [2025, 2026])
            let stored = try await service.calendarDays(year: 2026, as: .system)
            #expect(stored.count == csv.days.filter { $0.date.year == 2026 }.count)
            #expect(stored.first { $0.date == "2026-05-09" }?.followsWeekday == 2)
            #expect(try await Self.auditRows(db) == 2)
            let again = try await service.importDays(csv, as: .system)
            #expect(again.changedYears.isEmpty)
            #expect(try await service.calendarDays(year: 2026, as: .system) == stored)
            #expect(try await Self.auditRows(db) == 2)
            // a dry run with the make-up days on Mondays says 2026 would change, and writes nothing
            let mondays = HolidayCSV(text: try OfficialCalendar.csv(), year: 2026, makeupRule: .weekday(1))
            let dry = try await service.importDays(mondays, dryRun: true, as: .system)
            #expect(dry.changedYears == [2026] && dry.dryRun)
            #expect(try await service.calendarDays(year: 2026, as: .system) == stored)
        }
    }

    @Test("a bad row refuses the whole file naming line, column and rule; a dry run lists every bad row")
    func badRow() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let service = CalendarService(database: db)
            let text = "date,kind,holiday\n2031-01-01,holiday,元旦\n2031-02-30,holiday,春节\n2031-02-01,day_off,春节\n"
            let csv = HolidayCSV(text: text, makeupRule: .sameAsHoliday)
            await #expect(
                throws: ServiceError.invalid(
                    DomainError(
                        field: "csv/line 3/date", rule: "format",
                        message: "Line 3, date: '2031-02-30' is not a date YYYY-MM-DD."))
            ) {
                _ = try await service.importDays(csv, as: .system)
            }
            #expect(try await service.calendarDays(year: 2031, as: .system).isEmpty)
            // a manager checks a file (a dry run) but only an admin loads one
            let manager = Principal.manager(of: UUID())
            let dry = try await service.importDays(csv, dryRun: true, as: manager)
            #expect(dry.errors.map(\.line) == [3, 4])
            await #expect(throws: ServiceError.self) {
                _ = try await service.importDays(HolidayCSV(text: "date,kind,holiday\n", makeupRule: nil), as: manager)
            }
        }
    }
}
