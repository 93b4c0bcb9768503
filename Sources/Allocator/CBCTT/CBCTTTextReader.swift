/// Walks the lines of a `.ctt` file in order: the header, the sections, then `END.`.
///
/// A section starts with a keyword line, a single upper-case field ending in a colon (`COURSES:`), and runs to
/// the next keyword line or to `END.`.
struct CBCTTTextReader {
    private let lines: [CBCTTTextLine]
    private var position = 0

    /// Prepares to read the non-blank lines of `text`.
    init(_ text: String) {
        lines = CBCTTTextLine.lines(of: text)
    }

    private var current: CBCTTTextLine? {
        position < lines.count ? lines[position] : nil
    }

    /// The number of the current line, or of the last line when all are read; errors about something missing
    /// point here.
    private var currentLineNumber: Int {
        current?.number ?? lines.last?.number ?? 1
    }

    private static func startsSectionOrEnd(_ line: CBCTTTextLine) -> Bool {
        guard line.fields.count == 1, let field = line.fields.first else { return false }
        return field == "END." || (field.hasSuffix(":") && field == field.uppercased())
    }

    /// Reads the header: one `Key: value` line for each of `keys`, in any order, up to the first section.
    ///
    /// - Parameter keys: The header fields, without their colon, e.g. `["Name", "Courses"]`.
    /// - Returns: The line of each key, in the order of `keys`; the value is the line's second field.
    /// - Throws: ``CBCTTFormatError`` for an unknown, repeated or missing key, or a line that is not `Key: value`.
    mutating func readHeader(keys: [String]) throws(CBCTTFormatError) -> [CBCTTTextLine] {
        var found: [String: CBCTTTextLine] = [:]
        while let line = current, !Self.startsSectionOrEnd(line) {
            try line.requireFields(2, layout: "Key: value")
            let key = String(line.fields[0].dropLast())
            guard line.fields[0].hasSuffix(":"), keys.contains(key) else {
                let expected = keys.map { "'\($0):'" }.joined(separator: ", ")
                throw line.error("unknown header field '\(line.fields[0])'; expected one of \(expected)")
            }
            if let first = found[key] {
                throw line.error("header field '\(key):' appears twice (first on line \(first.number))")
            }
            found[key] = line
            position += 1
        }
        return try keys.map { key throws(CBCTTFormatError) in
            guard let line = found[key] else {
                throw CBCTTFormatError(line: currentLineNumber, message: "the header has no '\(key):' line")
            }
            return line
        }
    }

    /// Reads the section headed by `keyword` and checks its number of lines against the header.
    ///
    /// - Parameters:
    ///   - keyword: The section's keyword line, e.g. `COURSES:`.
    ///   - headerLine: The header line declaring how many lines the section has, e.g. `Courses: 30`.
    ///   - noun: What one line of the section describes, in the plural, e.g. "courses".
    /// - Returns: The lines of the section, without its keyword line.
    /// - Throws: ``CBCTTFormatError`` when the section is missing or out of order, or its size differs from the
    ///   header's.
    mutating func readSection(
        _ keyword: String,
        declaredBy headerLine: CBCTTTextLine,
        noun: String
    ) throws(CBCTTFormatError) -> [CBCTTTextLine] {
        let declared = try headerLine.integer(at: 1, named: "number of \(noun)")
        guard let start = current else {
            throw CBCTTFormatError(line: currentLineNumber, message: "the section '\(keyword)' is missing")
        }
        guard start.fields.count == 1, start.fields[0] == keyword else {
            throw start.error("expected the section '\(keyword)' but found '\(start.text)'")
        }
        position += 1
        var body: [CBCTTTextLine] = []
        while let line = current, !Self.startsSectionOrEnd(line) {
            body.append(line)
            position += 1
        }
        guard body.count == declared else {
            let header = "the header (line \(headerLine.number)) declares \(declared)"
            throw start.error("section '\(keyword)' lists \(body.count) \(noun) but \(header)")
        }
        return body
    }

    /// Reads the closing `END.` line.
    ///
    /// - Throws: ``CBCTTFormatError`` when `END.` is missing or anything but blank lines follows it.
    mutating func readEnd() throws(CBCTTFormatError) {
        guard let line = current else {
            throw CBCTTFormatError(line: currentLineNumber, message: "the file does not end with 'END.'")
        }
        guard line.fields == ["END."] else {
            throw line.error("expected 'END.' but found '\(line.text)'")
        }
        position += 1
        if let extra = current {
            throw extra.error("unexpected text after 'END.': '\(extra.text)'")
        }
    }
}
