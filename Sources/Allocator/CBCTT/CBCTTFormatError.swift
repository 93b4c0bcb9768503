/// A `.ctt` instance or `.sol` timetable whose text does not follow the CB-CTT format.
///
/// Its ``description`` reads like "line 12: course 'X' in curriculum 'Y' is not declared".
public struct CBCTTFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based number of the line where the problem was found.
    public var line: Int
    /// What is wrong, naming the offending item and its value.
    public var message: String

    /// Creates an error for `line` with `message`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// "line N: message".
    public var description: String { "line \(line): \(message)" }
}
