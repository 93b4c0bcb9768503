import Foundation
import Outbound
import Testing

/// The mail settings as `praxis serve` reads them from its environment, and the password kept out
/// of every description of them.
@Suite("Mail settings")
struct MailConfigurationTests {
    @Test("STARTTLS on port 25 unless told; TLS from the first byte on 465; a login and a CA file")
    func environment() throws {
        #expect(try MailConfiguration.fromEnvironment([:]) == nil)
        let relay = try #require(try MailConfiguration.fromEnvironment(["PRAXIS_SMTP_HOST": "relay.example.org"]))
        #expect(relay.port == 25 && relay.security == .starttls && !relay.requireTLS && relay.credentials == nil)
        #expect(!relay.mustEncrypt)
        let submission = try #require(
            try MailConfiguration.fromEnvironment([
                "PRAXIS_SMTP_HOST": "smtp.exmail.qq.com", "PRAXIS_SMTP_PORT": "587", "PRAXIS_SMTP_REQUIRE_TLS": "1",
            ]))
        #expect(submission.port == 587 && submission.requireTLS && submission.mustEncrypt)
        let ca = FileManager.default.temporaryDirectory.appendingPathComponent("praxis-ca-\(UUID().uuidString).pem")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: ca)
        defer { try? FileManager.default.removeItem(at: ca) }
        let implicit = try #require(
            try MailConfiguration.fromEnvironment([
                "PRAXIS_SMTP_HOST": "smtp.exmail.qq.com", "PRAXIS_SMTP_TLS": "tls",
                "PRAXIS_SMTP_USERNAME": "notice@school.edu.cn", "PRAXIS_SMTP_PASSWORD": "pw-1",
                "PRAXIS_SMTP_CA_FILE": ca.path,
            ]))
        #expect(implicit.port == 465 && implicit.security == .tls && implicit.caFile == ca.path && implicit.mustEncrypt)
        #expect(implicit.credentials == MailCredentials(username: "notice@school.edu.cn", password: "pw-1"))
    }

    @Test(
        "a setting that breaks its rule stops the start, naming the variable",
        arguments: [
            (["PRAXIS_SMTP_TLS": "ssl"], "PRAXIS_SMTP_TLS"),
            (["PRAXIS_SMTP_PORT": "70000"], "PRAXIS_SMTP_PORT"),
            (["PRAXIS_SMTP_PORT": "submission"], "PRAXIS_SMTP_PORT"),
            (["PRAXIS_SMTP_USERNAME": "notice"], "PRAXIS_SMTP_USERNAME"),
            (["PRAXIS_SMTP_PASSWORD": "pw"], "PRAXIS_SMTP_PASSWORD"),
            (
                ["PRAXIS_SMTP_TLS": "none", "PRAXIS_SMTP_USERNAME": "notice", "PRAXIS_SMTP_PASSWORD": "pw"],
                "PRAXIS_SMTP_TLS"
            ),
            (["PRAXIS_SMTP_TLS": "none", "PRAXIS_SMTP_REQUIRE_TLS": "1"], "PRAXIS_SMTP_TLS"),
            (["PRAXIS_SMTP_CA_FILE": "/nonexistent/ca.pem"], "PRAXIS_SMTP_CA_FILE"),
        ])
    func badSetting(environment: [String: String], variable: String) {
        let environment = environment.merging(["PRAXIS_SMTP_HOST": "relay.example.org"]) { $1 }
        let error = #expect(throws: MailConfigurationError.self) {
            try MailConfiguration.fromEnvironment(environment)
        }
        #expect(error?.variable == variable)
    }

    @Test("the password shows in no description, debug description or dump of the settings")
    func passwordRedacted() {
        let password = "Kx7-staple-horse-91"
        let configuration = MailConfiguration(
            host: "smtp.exmail.qq.com", from: "notice@school.edu.cn",
            credentials: MailCredentials(username: "notice@school.edu.cn", password: password))
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains(password))
            #expect(text.contains("notice@school.edu.cn") && text.contains("<redacted>"))
        }
    }
}
