/// Why a date or a clock time in JSON did not decode: carried as the `underlyingError` of the
/// `DecodingError`, so that the HTTP edge can name the rule and the value ("The from ('25:00') is
/// not a time like 08:00.").
public struct DateParseError: Error, Sendable, Equatable {
    /// What the text should have been.
    public enum Kind: String, Sendable {
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// A clock time, `HH:MM`.
        case time
    }

    public let kind: Kind
    /// The text as sent.
    public let text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// A value of the kind, as an example for messages.
    public var example: String { kind == .date ? "2026-03-02" : "08:00" }

    /// "The `name` ('`text`') is not a date like 2026-03-02."
    public func message(naming name: String) -> String {
        "The \(name) ('\(text)') is not a \(kind.rawValue) like \(example)."
    }
}
