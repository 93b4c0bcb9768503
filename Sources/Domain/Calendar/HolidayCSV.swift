import Dates
import Foundation

/// The official holidays and make-up working days as a CSV file (the format of
/// `cn-public-holidays.csv`): a header `date,kind,holiday` and one row per dated day, `kind`
/// being `holiday` or `makeup_workday`; an optional 4th column `follows_weekday` (1–7) says which
/// weekday's timetable a make-up day runs, else a ``MakeupRule`` decides.
public struct HolidayCSV: Sendable, Equatable {
    /// A row the file cannot load: its line number (the header is line 1), column and rule.
    public struct RowError: Error, Sendable, Equatable, Codable {
        public var line: Int
        public var column: String
        public var rule: String
        public var message: String

        public init(line: Int, column: String, rule: String, message: String) {
            self.line = line
            self.column = column
            self.rule = rule
            self.message = message
        }
    }

    /// The days read, by date; only complete when ``errors`` is empty.
    public var days: [CalendarDay]
    public var errors: [RowError]

    /// Reads `text`; keeps the rows of `year` only when one is given.
    /// - Parameter makeupRule: for make-up days without a `follows_weekday`; `nil` makes the column required.
    public init(text: String, year: Int? = nil, makeupRule: MakeupRule?) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        let cells = lines.map { $0.isEmpty ? [] : Self.cells($0) }
        self.init(header: cells.first ?? [], rows: Array(cells.dropFirst()), year: year, makeupRule: makeupRule)
    }

    /// Reads rows already split into cells (a spreadsheet import's), row `i` being line `i + 2`;
    /// rows without any filled cell are skipped.
    public init(header: [String], rows: [[String]], year: Int? = nil, makeupRule: MakeupRule?) {
        var parsed: [(line: Int, day: CalendarDay)] = []
        var errors: [RowError] = []
        guard Array(header.prefix(3)) == ["date", "kind", "holiday"], header.count <= 4,
            header.count == 3 || header[3] == "follows_weekday"
        else {
            self.days = []
            self.errors = [
                RowError(
                    line: 1, column: "header", rule: "format",
                    message: "The first line must be date,kind,holiday (and maybe ,follows_weekday).")
            ]
            return
        }
        for (index, cells) in rows.enumerated() where !cells.allSatisfy(\.isEmpty) {
            switch Self.row(cells, line: index + 2) {
            case .success(let day): if year == nil || day.date.year == year { parsed.append((index + 2, day)) }
            case .failure(let error): errors.append(error)
            }
        }
        self.days = []
        self.errors = errors
        resolveMakeupDays(parsed, rule: makeupRule)
    }
}
