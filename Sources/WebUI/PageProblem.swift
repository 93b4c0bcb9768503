/// A failure as the API's problem details describe it (RFC 9457), for the error page: the
/// application that mounts the UI converts its errors with the same mapping it uses for
/// `application/problem+json`.
public struct PageProblem: Sendable, Equatable {
    public var status: Int
    public var type: String
    public var title: String
    public var detail: String?
    /// JSON Pointer of the offending field, when there is one.
    public var field: String?
    /// The rule broken or the state in the way, when the problem names one: the page says it in the
    /// reader's language (`rule_<rule>`), with `detail` under it.
    public var rule: String?

    public init(
        status: Int, type: String, title: String, detail: String? = nil, field: String? = nil, rule: String? = nil
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.field = field
        self.rule = rule
    }
}
