public import Access
import Database
import Dates
public import Domain
import Repositories

/// What an import of the official calendar did (or, on a dry run, would do).
public struct CalendarImport: Sendable, Equatable, Codable {
    /// The days the file holds, by date.
    public var days: [CalendarDay]
    /// The years whose stored days differ from the file's (replaced unless a dry run).
    public var changedYears: [Int]
    public var dryRun: Bool
    /// The rows a dry run found bad (a real import refuses the file instead).
    public var errors: [HolidayCSV.RowError]

    public init(days: [CalendarDay], changedYears: [Int], dryRun: Bool, errors: [HolidayCSV.RowError] = []) {
        self.days = days
        self.changedYears = changedYears
        self.dryRun = dryRun
        self.errors = errors
    }
}

extension CalendarService {
    /// Loads a CSV of holidays and make-up working days (``HolidayCSV``): every year the file
    /// holds replaces that year's stored days, all in one transaction; a year that would not change
    /// is left alone (no write, no audit row). Nothing is written on a dry run or when any row is bad.
    /// - Parameters:
    ///   - csv: the file as read (its year filter and make-up rule already applied).
    ///   - dryRun: check and compare only.
    /// - Throws: `.forbidden` for anyone but an admin (a dry run: anyone who reads the calendar);
    ///   `.invalid` naming `csv` with the first bad
    ///   row's line, column and rule (a dry run lists them all in its answer instead).
    public func importDays(
        _ csv: HolidayCSV, dryRun: Bool = false, as caller: Principal
    ) async throws -> CalendarImport {
        // checking a file changes nothing: whoever reads the calendar may (a manager before asking an admin)
        try Policy(caller).authorize(dryRun ? .read : .change, .consortium, entity: "calendar")
        if dryRun, !csv.errors.isEmpty {
            return CalendarImport(days: csv.days, changedYears: [], dryRun: true, errors: csv.errors)
        }
        if let error = csv.errors.first {
            throw ServiceError.invalid(
                DomainError(
                    field: "csv/line \(error.line)/\(error.column)", rule: error.rule,
                    message: "Line \(error.line), \(error.column): \(error.message)"))
        }
        let byYear = Dictionary(grouping: csv.days, by: \.date.year)
        do {
            for (year, days) in byYear { try CalendarDay.validate(days, year: year) }
        } catch { throw ServiceError.invalid(error) }
        let (calendar, audit) = (calendar, audit)
        return try await database.withTransaction { connection in
            var changed: [Int] = []
            for (year, days) in byYear.sorted(by: { $0.key < $1.key }) {
                let before = try calendar.calendarDays(year: year, on: connection)
                guard before != days else { continue }
                changed.append(year)
                guard !dryRun else { continue }
                try calendar.replaceCalendarDays(days, year: year, on: connection)
                try audit.record(
                    caller.actor, action: "import", entity: "calendar_days", id: String(year), before: before,
                    after: days, on: connection)
            }
            return CalendarImport(days: csv.days, changedYears: changed, dryRun: dryRun)
        }
    }
}
