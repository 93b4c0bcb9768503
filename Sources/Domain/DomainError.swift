/// A rule of the domain that an input broke: which field, which rule, and a sentence for a person.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field, as a JSON Pointer without the leading slash's context (e.g. `name`, `sessions/0/start`).
    public var field: String
    /// A short stable rule name: `required`, `maxLength`, `range`, `format`, …
    public var rule: String
    public var message: String

    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String { message }
}
