public import Foundation

/// Where e-mail goes: an SMTP server, how the connection is secured and who Praxis logs in as,
/// read from the environment. No host: e-mail is off and notices are in-app only.
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
    public var security: MailSecurity
    /// With ``MailSecurity/starttls``: refuse a server that does not offer STARTTLS (implied by
    /// credentials: AUTH is never sent over an unencrypted connection).
    public var requireTLS: Bool
    /// The account to log in with (AUTH PLAIN, else AUTH LOGIN); `nil`: no AUTH.
    public var credentials: MailCredentials?
    /// A PEM file of the certificate authorities to trust instead of the system's trust store
    /// (a private relay's own CA).
    public var caFile: String?

    public init(
        host: String, port: Int? = nil, from: String, heloName: String = "praxis.localhost",
        publicURL: String = "http://localhost:8080", timeout: Duration = .seconds(20),
        security: MailSecurity = .starttls, requireTLS: Bool = false, credentials: MailCredentials? = nil,
        caFile: String? = nil
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.from = from
        self.heloName = heloName
        self.publicURL = publicURL
        self.timeout = timeout
        self.security = security
        self.requireTLS = requireTLS
        self.credentials = credentials
        self.caFile = caFile
    }

    /// Whether the conversation must be encrypted before anything but EHLO and STARTTLS is sent.
    public var mustEncrypt: Bool { security == .tls || requireTLS || credentials != nil }
}

/// How the connection to the SMTP server is secured.
public enum MailSecurity: String, Sendable, CaseIterable {
    /// Plain TCP, upgraded with STARTTLS whenever the server offers it (port 587, or 25).
    case starttls
    /// TLS from the first byte (port 465).
    case tls
    /// Plain TCP only, never TLS: a relay on localhost or a trusted network, without AUTH.
    case none

    /// The port used when none is given.
    public var defaultPort: Int { self == .tls ? 465 : 25 }
}
