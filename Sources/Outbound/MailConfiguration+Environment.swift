public import Foundation

extension MailConfiguration {
    /// From `PRAXIS_SMTP_HOST`, `PRAXIS_SMTP_PORT` (465 with TLS, else 25), `PRAXIS_SMTP_TLS`
    /// (`starttls`, `tls`, `none`; `starttls`), `PRAXIS_SMTP_REQUIRE_TLS` (`1`), `PRAXIS_SMTP_USERNAME`
    /// and `PRAXIS_SMTP_PASSWORD`, `PRAXIS_SMTP_CA_FILE`, `PRAXIS_SMTP_FROM` and `PRAXIS_PUBLIC_URL`;
    /// `nil` (e-mail off) when no host is set.
    /// - Throws: ``MailConfigurationError`` naming the variable and the rule it breaks.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> MailConfiguration? {
        guard let host = environment["PRAXIS_SMTP_HOST"], !host.isEmpty else { return nil }
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let security = MailSecurity(rawValue: value("PRAXIS_SMTP_TLS") ?? "starttls") else {
            throw MailConfigurationError("PRAXIS_SMTP_TLS", "must be starttls, tls or none")
        }
        let port = try value("PRAXIS_SMTP_PORT").map {
            guard let port = Int($0), (1...65_535).contains(port) else {
                throw MailConfigurationError("PRAXIS_SMTP_PORT", "must be a port number (1 to 65535)")
            }
            return port
        }
        let requireTLS = ["1", "true", "yes"].contains(value("PRAXIS_SMTP_REQUIRE_TLS")?.lowercased() ?? "")
        let (username, password) = (value("PRAXIS_SMTP_USERNAME"), value("PRAXIS_SMTP_PASSWORD"))
        if (username == nil) != (password == nil) {
            let (given, missing) =
                username == nil
                ? ("PRAXIS_SMTP_PASSWORD", "PRAXIS_SMTP_USERNAME") : ("PRAXIS_SMTP_USERNAME", "PRAXIS_SMTP_PASSWORD")
            throw MailConfigurationError(given, "is set without \(missing): set both, or neither")
        }
        let credentials = username.flatMap { username in
            password.map { MailCredentials(username: username, password: $0) }
        }
        if security == .none && (requireTLS || credentials != nil) {
            throw MailConfigurationError(
                "PRAXIS_SMTP_TLS", "none sends no AUTH and cannot require TLS: use starttls or tls")
        }
        let caFile = value("PRAXIS_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw MailConfigurationError("PRAXIS_SMTP_CA_FILE", "must name a readable PEM file")
        }
        return MailConfiguration(
            host: host, port: port, from: value("PRAXIS_SMTP_FROM") ?? "praxis@localhost",
            publicURL: value("PRAXIS_PUBLIC_URL") ?? "http://localhost:8080", security: security,
            requireTLS: requireTLS, credentials: credentials, caFile: caFile)
    }
}

/// A mail setting that breaks its rule: which variable, and the rule.
public struct MailConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var variable: String
    public var rule: String

    init(_ variable: String, _ rule: String) {
        self.variable = variable
        self.rule = rule
    }

    public var description: String { "\(variable) \(rule)." }
}
