/// One non-blank line of a CB-CTT text file (`.ctt` or `.sol`), cut into whitespace-separated fields.
struct CBCTTTextLine {
    /// The 1-based line number in the file.
    let number: Int
    /// The fields of the line; never empty.
    let fields: [Substring]

    /// The non-blank lines of `text`.
    ///
    /// LF, CRLF and CR all end a line; any run of spaces or tabs separates two fields.
    static func lines(of text: String) -> [CBCTTTextLine] {
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var lines: [CBCTTTextLine] = []
        for (offset, rawLine) in rawLines.enumerated() {
            let fields = rawLine.split(whereSeparator: \.isWhitespace)
            if !fields.isEmpty {
                lines.append(CBCTTTextLine(number: offset + 1, fields: fields))
            }
        }
        return lines
    }

    /// The line's fields joined by single spaces, for quoting in a message.
    var text: String { fields.joined(separator: " ") }

    /// A ``CBCTTFormatError`` on this line.
    func error(_ message: String) -> CBCTTFormatError {
        CBCTTFormatError(line: number, message: message)
    }

    /// Checks that the line has exactly `count` fields.
    ///
    /// - Parameters:
    ///   - count: The number of fields required.
    ///   - layout: The expected layout, quoted in the error, e.g. "name capacity".
    /// - Throws: ``CBCTTFormatError`` naming the layout and the line found.
    func requireFields(_ count: Int, layout: String) throws(CBCTTFormatError) {
        guard fields.count == count else {
            throw error("expected \(count) fields '\(layout)' but found \(fields.count): '\(text)'")
        }
    }

    /// The field at `index` read as a non-negative integer.
    ///
    /// - Parameters:
    ///   - index: The position of the field.
    ///   - name: What the field holds, for the error message, e.g. "capacity of room 'B'".
    /// - Throws: ``CBCTTFormatError`` when the field is not a non-negative decimal integer.
    func integer(at index: Int, named name: String) throws(CBCTTFormatError) -> Int {
        guard let value = Int(fields[index]), value >= 0 else {
            throw error("the \(name) ('\(fields[index])') must be a non-negative integer")
        }
        return value
    }

    /// The field at `index` read as a day or period index below `limit`.
    ///
    /// - Parameters:
    ///   - index: The position of the field.
    ///   - name: "day" or "period".
    ///   - limit: The number of days, or of periods per day, of the instance.
    /// - Throws: ``CBCTTFormatError`` when the field is not an integer in `0..<limit`.
    func index(at index: Int, named name: String, below limit: Int) throws(CBCTTFormatError) -> Int {
        let value = try integer(at: index, named: name)
        guard value < limit else {
            throw error("the \(name) (\(value)) is outside 0...\(limit - 1)")
        }
        return value
    }
}
