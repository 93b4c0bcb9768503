import Foundation

/// Which teaching weeks of a term a request wants, as a school writes it (`"3-8,11-16"`, `"odd"`,
/// `"1-16 even"`, `"1,3,5"`, `"单周"`). Weeks off of the term are skipped by themselves.
///
/// Grammar (spaces around tokens are ignored):
/// ```
/// pattern = item *( ("," | "，" | "、") item )
/// item    = span [parity] | parity        ; a parity alone means every week of the term
/// span    = week [ ("-" | "–" | "~") week ] ; first ≤ last, weeks from 1
/// parity  = "odd" | "even" | "单" | "双" | "单周" | "双周"
/// ```
/// Kept as written (a JSON string); ``weeks(in:field:)`` parses it against a term.
public struct WeeksPattern: Sendable, Hashable, Codable, CustomStringConvertible {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }

    /// One item of a pattern: a span of weeks (the whole term when `nil`), maybe only its odd or
    /// even weeks.
    struct Item: Equatable {
        var span: ClosedRange<Int>?
        /// 1 for odd weeks, 0 for even ones.
        var parity: Int?
    }

    /// The chosen teaching weeks of `term`, in order, without its weeks off.
    /// - Throws: ``DomainError`` naming `field`: `pattern` when the text does not follow the
    ///   grammar, `outsideTerm` for a week beyond the term, `empty` when no teaching week is left.
    public func weeks(in term: Term, field: String) throws(DomainError) -> [Int] {
        var chosen: Set<Int> = []
        for item in try items(field: field) {
            let span = item.span ?? 1...term.weeks
            guard span.upperBound <= term.weeks else {
                throw DomainError(
                    field: field, rule: "outsideTerm",
                    message: "Week \(span.upperBound) is outside \(term.name), which has weeks 1–\(term.weeks).")
            }
            chosen.formUnion(span.filter { week in item.parity.map { week % 2 == $0 } ?? true })
        }
        let weeks = chosen.filter { term.weekOff($0) == nil }.sorted()
        guard !weeks.isEmpty else {
            throw DomainError(
                field: field, rule: "empty", message: "The weeks '\(text)' leave no teaching week of \(term.name).")
        }
        return weeks
    }

    /// The items of the pattern.
    /// - Throws: ``DomainError`` naming `field` with rule `pattern`.
    func items(field: String) throws(DomainError) -> [Item] {
        let separators: Set<Character> = [",", "，", "、"]
        let parts = text.split(omittingEmptySubsequences: false) { separators.contains($0) }
        var items: [Item] = []
        for part in parts {
            guard let item = Self.item(String(part)) else {
                throw DomainError(
                    field: field, rule: "pattern",
                    message: "The weeks '\(text)' cannot be read at '\(part.trimmingCharacters(in: .whitespaces))'. "
                        + "Write ranges, lists and odd/even weeks such as 3-8,11-16 or 1-16 even or odd.")
            }
            items.append(item)
        }
        return items
    }

    private static let parities: [String: Int] = ["odd": 1, "单": 1, "单周": 1, "even": 0, "双": 0, "双周": 0]

    /// Reads `"3-8"`, `"5"`, `"1-16 even"`, `"odd"`; `nil` when it is none of those.
    private static func item(_ raw: String) -> Item? {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        var parity: Int?
        let suffixes = parities.keys.sorted { $0.count > $1.count }
        if let suffix = suffixes.first(where: { text.hasSuffix($0) }) {
            parity = parities[suffix]
            text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        if text.isEmpty { return parity == nil ? nil : Item(span: nil, parity: parity) }
        let bounds = text.split(omittingEmptySubsequences: false) { "-–~".contains($0) }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let numbers = bounds.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        guard (1...2).contains(bounds.count), numbers.count == bounds.count, let first = numbers.first,
            let last = numbers.last, first >= 1, first <= last
        else { return nil }
        return Item(span: first...last, parity: parity)
    }
}
