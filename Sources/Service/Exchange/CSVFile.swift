import CSV
public import Domain
import Foundation

/// A spreadsheet file as rows of text: read from the bytes a person uploads (UTF-8 with or
/// without BOM, or GB18030/GBK as Excel on Chinese Windows saves it) and written for Excel
/// (UTF-8 with BOM, CRLF, RFC 4180 quoting). Parsing and quoting are yaslab/CSV.swift's.
public struct CSVFile: Sendable, Equatable {
    /// The text encodings a file may come in.
    public enum Encoding: String, Sendable, Codable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// The first row: the column names.
    public var header: [String]
    /// The rows after the header; row `i` is the file's row `i + 2` (the header is row 1).
    public var rows: [[String]]
    /// How the file was encoded (UTF-8 when written by Praxis).
    public var encoding: Encoding

    public init(header: [String], rows: [[String]], encoding: Encoding = .utf8) {
        self.header = header
        self.rows = rows
        self.encoding = encoding
    }

    /// GB18030 for Foundation (CoreFoundation's `kCFStringEncodingGB_18030_2000`, 0x0632, as an
    /// NSStringEncoding); swift-corelibs-foundation decodes it on Linux too (checked on 6.3.1).
    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Reads a file: valid UTF-8 (a BOM is dropped) is UTF-8, anything else must be GB18030.
    /// Cells are trimmed; rows whose cells are all empty stay (row numbers count them) until the
    /// header, which is the first row with a filled cell.
    /// - Throws: ``DomainError`` naming `file`: rule `encoding` (neither UTF-8 nor GB18030),
    ///   `quote` (a quoted cell not closed, or a quote inside it not doubled: the message names the line),
    ///   `format` (what the reader still cannot read),
    ///   `header` (no header row).
    public init(bytes: [UInt8]) throws(DomainError) {
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8.hasPrefix("\u{FEFF}") ? String(utf8.dropFirst()) : utf8
            encoding = .utf8
        } else if let chinese = String(data: Data(bytes), encoding: Self.gb18030) {
            text = chinese
            encoding = .gb18030
        } else {
            throw DomainError(
                field: "file", rule: "encoding", message: "The file is neither UTF-8 nor GB18030; save it as CSV UTF-8."
            )
        }
        if let line = CSVQuotes.firstBrokenLine(in: text) {
            throw DomainError(
                field: "file", rule: "quote",
                message: "Line \(line): a quoted cell is not closed, or a quote inside it is not doubled (\"\")."
            )
        }
        var all: [[String]] = []
        do {
            let reader = try CSVReader(string: text, trimFields: true)
            while let row = reader.next() { all.append(row) }
            if reader.error != nil { throw CSVError.cannotReadFile }
        } catch {
            throw DomainError(
                field: "file", rule: "format", message: "The file is not CSV (a quote may be left open).")
        }
        while let first = all.first, first.allSatisfy(\.isEmpty) { all.removeFirst() }
        guard let header = all.first else {
            throw DomainError(
                field: "file", rule: "header", message: "The file is empty: the first row names the columns.")
        }
        self.header = header
        self.rows = Array(all.dropFirst())
    }

    /// The file for Excel: a UTF-8 BOM, then the rows with CRLF after each, fields quoted where
    /// they hold a comma, a quote or a line break (quotes doubled), or begin or end with a space
    /// (which reading trims outside quotes).
    public func bytes() -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        // writing to memory cannot fail; an empty file would only hide a bug, so trap it
        let writer = try! CSVWriter(stream: stream, newline: .crlf)
        for row in [header] + rows {
            try! writer.write(row: row) { index in
                row[index].first?.isWhitespace == true || row[index].last?.isWhitespace == true
            }
        }
        let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        stream.close()
        return [0xEF, 0xBB, 0xBF] + [UInt8](body) + [0x0D, 0x0A]
    }
}
