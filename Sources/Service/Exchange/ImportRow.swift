import Dates
import Domain
import Foundation

/// One data row of an import, read by column key whatever language the header was in.
struct ImportRow {
    /// The file's row number (the header is row 1).
    let number: Int
    let cells: [String: String]

    /// The cell of `key`, trimmed; empty when the column is absent.
    subscript(key: String) -> String { cells[key] ?? "" }

    /// A required cell.
    /// - Throws: ``ImportRowFailure`` rule `required`.
    func required(_ key: String) throws(ImportRowFailure) -> String {
        let value = self[key]
        guard !value.isEmpty else {
            throw ImportRowFailure(column: key, rule: "required", message: "The \(key) cell is empty.")
        }
        return value
    }

    /// A whole number, or `nil` for an empty cell.
    func number(_ key: String) throws(ImportRowFailure) -> Int? {
        let value = self[key]
        guard !value.isEmpty else { return nil }
        guard let number = Int(value) else {
            throw ImportRowFailure(column: key, rule: "integer", message: "'\(value)' is not a whole number.")
        }
        return number
    }

    /// A list cell: items split by `;`, `；`, `,` or `，`, trimmed, empty ones dropped.
    func list(_ key: String) -> [String] {
        self[key].split(whereSeparator: { ";；,，".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Weekly times in the ``WeeklyTimes`` notation.
    func weeklyTimes(_ key: String) throws(ImportRowFailure) -> [(Int, ClockTime, ClockTime)] {
        do { return try WeeklyTimes.parse(self[key], field: key) } catch {
            throw ImportRowFailure(column: key, rule: error.rule, message: error.message)
        }
    }
}

/// Why a row cannot be read or written, before or without a service's own error.
struct ImportRowFailure: Error {
    var column: String
    var rule: String
    var message: String
}
