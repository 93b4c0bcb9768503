/// A position in PostgreSQL's write-ahead log (an LSN, SQL type `pg_lsn`, written `16/B374D848`):
/// how far a primary has written or a standby has replayed.
public struct WALPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position as one 64-bit number.
    public let value: UInt64

    public init(_ value: UInt64) {
        self.value = value
    }

    /// Parses PostgreSQL's text form: two groups of one to eight hexadecimal digits around `/`.
    /// - Returns: `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(\.isHexDigit) }),
            let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16)
        else { return nil }
        value = high << 32 | low
    }

    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool {
        lhs.value < rhs.value
    }
}
