/// How an export is written: CSV for Excel (UTF-8 with BOM, CRLF) or an Excel workbook.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    /// A download's name split into the export's kind and its format: `bookings.xlsx` is
    /// `("bookings", .xlsx)`; `nil` for another extension.
    public static func split(_ fileName: String) -> (kind: String, format: ExportFormat)? {
        guard let dot = fileName.lastIndex(of: "."),
            let format = ExportFormat(rawValue: String(fileName[fileName.index(after: dot)...]).lowercased())
        else { return nil }
        return (String(fileName[..<dot]), format)
    }

    /// The media type of a download.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// The file's bytes in this format; a workbook's one sheet is named `sheet`.
    public func bytes(of file: CSVFile, sheet: String) throws -> [UInt8] {
        switch self {
        case .csv: file.bytes()
        case .xlsx: try file.xlsx(sheet: sheet)
        }
    }
}
