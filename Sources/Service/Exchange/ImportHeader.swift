import Domain
import Foundation

/// Maps a file's header to a kind's column keys: each cell names a column by its English key or
/// its Chinese name (case and spaces ignored).
struct ImportHeader {
    /// The column key of each header cell, in file order.
    let keys: [String]

    /// - Throws: ``DomainError`` naming `file/header`: rule `unknownColumn` (with the accepted
    ///   names), `duplicateColumn`, or `missingColumn` for a required column that is absent.
    init(_ header: [String], kind: ImportKind) throws(DomainError) {
        var keys: [String] = []
        for cell in header {
            let name = cell.lowercased().replacingOccurrences(of: " ", with: "_")
            guard let column = kind.columns.first(where: { $0.key == name || $0.chinese == cell }) else {
                let accepted = kind.columns.map { "\($0.key) (\($0.chinese))" }.joined(separator: ", ")
                throw DomainError(
                    field: "file/header", rule: "unknownColumn",
                    message: "The column '\(cell)' is not one of \(accepted).")
            }
            guard !keys.contains(column.key) else {
                throw DomainError(
                    field: "file/header", rule: "duplicateColumn", message: "The column \(column.key) is named twice.")
            }
            keys.append(column.key)
        }
        for column in kind.columns where column.required && !keys.contains(column.key) {
            throw DomainError(
                field: "file/header", rule: "missingColumn",
                message: "The file has no \(column.key) (\(column.chinese)) column.")
        }
        self.keys = keys
    }

    /// The file's rows by column key, rows without a filled cell left out; row numbers count the
    /// header as row 1.
    func rows(_ file: CSVFile) -> [ImportRow] {
        file.rows.enumerated().filter { !$0.element.allSatisfy(\.isEmpty) }.map { index, cells in
            var byKey: [String: String] = [:]
            for (key, value) in zip(keys, cells) { byKey[key] = value }
            return ImportRow(number: index + 2, cells: byKey)
        }
    }
}
