import Access
import Dates
import Domain

extension ImportService {
    /// Chinese words for the holiday kinds, turned into the calendar file's values.
    private static let dayKinds = [
        "放假": "holiday", "节假日": "holiday", "假日": "holiday", "调休上班": "makeup_workday", "调休": "makeup_workday",
        "补班": "makeup_workday",
    ]

    /// A holidays file goes through the official calendar's own reader (``HolidayCSV``) and use
    /// case (``CalendarService/importDays(_:dryRun:as:)``), which replaces whole years: the days of
    /// a year that changes count as updated, the others as unchanged. Make-up days without a
    /// `follows_weekday` run the timetable of the weekday of the holiday they make up for.
    func importHolidays(
        _ file: CSVFile, header: ImportHeader, report: ImportReport, as caller: Principal
    )
        async throws -> ImportReport
    {
        var report = report
        let keys = ImportKind.holidays.columns.map(\.key).filter { header.keys.contains($0) }
        let rows = file.rows.map { cells in
            keys.map { key -> String in
                let value = header.keys.firstIndex(of: key).flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
                return key == "kind" ? Self.dayKinds[value] ?? value : value
            }
        }
        let csv = HolidayCSV(header: keys, rows: rows, makeupRule: .sameAsHoliday)
        report.errors = csv.errors.map {
            ImportRowText.error(ImportRowFailure(column: $0.column, rule: $0.rule, message: $0.message), row: $0.line)
        }
        let result = try await CalendarService(database: database).importDays(
            csv, dryRun: report.dryRun || !csv.errors.isEmpty, as: caller)
        let changed = Set(result.changedYears)
        report.updated = csv.days.filter { changed.contains($0.date.year) }.count
        report.unchanged = csv.days.count - report.updated
        report.written = !report.dryRun && report.errors.isEmpty
        return report
    }
}
