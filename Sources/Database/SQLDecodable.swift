public import Foundation

/// A Swift value that can be read from a result column in PostgreSQL's text output format.
public protocol SQLDecodable: Sendable {
    /// Parses the column text; `nil` when the text is not a value of this type.
    init?(sqlText: String)
}

extension String: SQLDecodable {
    public init?(sqlText: String) { self = sqlText }
}

extension Int: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
}

extension Int32: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
}

extension Int64: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
}

extension Bool: SQLDecodable {
    public init?(sqlText: String) {
        switch sqlText {
        case "t": self = true
        case "f": self = false
        default: return nil
        }
    }
}

extension Double: SQLDecodable {
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Decimal: SQLDecodable {
    public init?(sqlText: String) {
        guard let value = Decimal(string: sqlText, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self = value
    }
}

extension UUID: SQLDecodable {
    public init?(sqlText: String) { self.init(uuidString: sqlText) }
}

extension Date: SQLDecodable {
    public init?(sqlText: String) {
        guard let date = TimestampText.parse(sqlText) else { return nil }
        self = date
    }
}

extension Array: SQLDecodable where Element == String {
    public init?(sqlText: String) {
        guard let elements = ArrayText.parse(sqlText) else { return nil }
        self = elements
    }
}

extension JSONB: SQLDecodable {
    public init?(sqlText: String) { self.init(json: sqlText) }
}
