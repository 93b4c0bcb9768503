public import Foundation

/// A half-open span of time `[lower, upper)`: PostgreSQL's `tstzrange` as the schema uses it.
public struct TimeRange: Sendable, Hashable, Codable {
    public var lower: Date
    public var upper: Date

    /// Creates `[lower, upper)`; `nil` unless `lower < upper`.
    public init?(lower: Date, upper: Date) {
        guard lower < upper else { return nil }
        self.lower = lower
        self.upper = upper
    }

    /// Whether the two ranges share an instant (as PostgreSQL's `&&`).
    public func overlaps(_ other: TimeRange) -> Bool {
        lower < other.upper && other.lower < upper
    }
}

extension TimeRange: SQLEncodable, SQLDecodable {
    public static var sqlTypeOID: UInt32 { PostgresType.tstzrange }
    public var sqlText: String {
        "[\"" + TimestampText.format(lower) + "\",\"" + TimestampText.format(upper) + "\")"
    }

    /// Parses a non-empty range with finite bounds; inclusive upper / exclusive lower bounds are
    /// normalised to the half-open form only when they are the canonical `[ , )`.
    public init?(sqlText: String) {
        guard sqlText.count > 4, sqlText.first == "[", sqlText.last == ")" else { return nil }
        let inner = sqlText.dropFirst().dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        func bound(_ part: Substring) -> Date? {
            TimestampText.parse(String(part.trimmingCharacters(in: CharacterSet(charactersIn: "\""))))
        }
        guard let lower = bound(parts[0]), let upper = bound(parts[1]) else { return nil }
        self.init(lower: lower, upper: upper)
    }
}
