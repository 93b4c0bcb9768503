public import Foundation

/// Where e-mail goes: an SMTP server (plain TCP: STARTTLS is not spoken yet, so use a relay on a
/// trusted network or localhost), read from the environment. No host: e-mail is off and notices are
/// in-app only.
public struct MailConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The envelope sender and `From:` address.
    public var from: String
    /// The name `EHLO` gives.
    public var heloName: String
    /// The address links in e-mails start with, e.g. `https://praxis.example.org`.
    public var publicURL: String
    /// How long one SMTP conversation may take.
    public var timeout: Duration

    public init(
        host: String, port: Int = 25, from: String, heloName: String = "praxis.localhost",
        publicURL: String = "http://localhost:8080", timeout: Duration = .seconds(20)
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.heloName = heloName
        self.publicURL = publicURL
        self.timeout = timeout
    }

    /// From `PRAXIS_SMTP_HOST`, `PRAXIS_SMTP_PORT` (25), `PRAXIS_SMTP_FROM` and `PRAXIS_PUBLIC_URL`;
    /// `nil` (e-mail off) when no host is set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> MailConfiguration?
    {
        guard let host = environment["PRAXIS_SMTP_HOST"], !host.isEmpty else { return nil }
        return MailConfiguration(
            host: host, port: environment["PRAXIS_SMTP_PORT"].flatMap(Int.init) ?? 25,
            from: environment["PRAXIS_SMTP_FROM"] ?? "praxis@localhost",
            publicURL: environment["PRAXIS_PUBLIC_URL"] ?? "http://localhost:8080")
    }
}
