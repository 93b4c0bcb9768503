/// What a user wants to be told and how: the events they muted, e-mail on or off (and where),
/// the language of their notices. Without a stored row: every event, in-app only, in Chinese.
public struct NoticePreferences: Sendable, Equatable, Codable {
    /// `zh-CN` or `en`.
    public var language: String
    public var email: String?
    public var emailEnabled: Bool
    public var mutedEvents: [NoticeEvent]
    public var version: Int

    public init(
        language: String = "zh-CN", email: String? = nil, emailEnabled: Bool = false, mutedEvents: [NoticeEvent] = [],
        version: Int = 0
    ) {
        self.language = language
        self.email = email
        self.emailEnabled = emailEnabled
        self.mutedEvents = mutedEvents
        self.version = version
    }

    /// The languages a notice can be written in.
    public static let languages = ["zh-CN", "en"]

    /// Checks the values a user chose.
    /// - Throws: ``DomainError`` naming the field: an unknown language, an address that is not one,
    ///   e-mail on without an address.
    public func validated() throws(DomainError) -> NoticePreferences {
        guard Self.languages.contains(language) else {
            throw DomainError(field: "language", rule: "oneOf", message: "The language must be zh-CN or en.")
        }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !email.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
            else {
                throw DomainError(field: "email", rule: "format", message: "The e-mail address (\(email)) is not one.")
            }
        }
        if emailEnabled && email == nil {
            throw DomainError(field: "email", rule: "required", message: "Give an e-mail address to receive e-mail.")
        }
        return self
    }
}
