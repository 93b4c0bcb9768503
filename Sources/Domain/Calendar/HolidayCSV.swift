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
        var parsed: [(line: Int, day: CalendarDay)] = []
        var errors: [RowError] = []
        let header = lines.first.map { Self.cells($0) } ?? []
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
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            switch Self.row(Self.cells(line), line: index + 1) {
            case .success(let day): if year == nil || day.date.year == year { parsed.append((index + 1, day)) }
            case .failure(let error): errors.append(error)
            }
        }
        self.days = []
        self.errors = errors
        resolveMakeupDays(parsed, rule: makeupRule)
    }
}
