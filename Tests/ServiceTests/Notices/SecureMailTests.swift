import Database
import Domain
import Foundation
import Logging
import Outbound
import TestSupport
import Testing

/// E-mail through servers that want TLS and a login (aiosmtpd with a throwaway CA made by openssl):
/// STARTTLS and implicit TLS, AUTH PLAIN and LOGIN, and the refusals that keep mail and passwords
/// off the wire in clear. In the serialized e-mail suite: its workers share the queue.
extension NoticeDeliveryTests {
    static let password = "Kx7-staple-horse-91"

    /// The sink's arguments for TLS (`starttls` or `tls`) with `ca`'s server certificate, and a login.
    static func secureServer(
        _ security: MailSecurity, _ ca: TestCertificateAuthority, mechanisms: [String] = []
    )
        throws -> PythonServer
    {
        let login = ["--login", "praxis", password] + (mechanisms.isEmpty ? [] : ["--mechanisms"] + mechanisms)
        return try PythonServer(
            script: "smtp_sink", arguments: ["--\(security.rawValue)", ca.certificateFile, ca.keyFile] + login)
    }

    /// Praxis's settings for `server`: logged in as `praxis`, trusting `ca` (`nil`: the system's store).
    static func mail(
        _ server: PythonServer, host: String = "localhost", security: MailSecurity = .starttls,
        password: String = password, ca: TestCertificateAuthority?
    ) -> MailConfiguration {
        MailConfiguration(
            host: host, port: server.port, from: "praxis@example.org", publicURL: "https://praxis.example.org",
            timeout: .seconds(120), security: security,
            credentials: MailCredentials(username: "praxis", password: password), caFile: ca?.caFile)
    }

    /// The fixture's deliveries with their jobs: status, attempts, last error, next run.
    static func deliveries(
        _ fixture: NoticeFixture
    ) async throws -> [(
        status: String, attempts: Int, error: String?, job: String, runAt: Date
    )] {
        try await fixture.db.query(
            """
            SELECT d.status, d.attempts, d.last_error, j.status::text AS job_status, j.run_at
            FROM deliveries d JOIN notices n ON n.id = d.notice_id JOIN users u ON u.id = n.user_id
            JOIN jobs j ON j.payload->>'delivery' = d.id::text
            WHERE u.organization_id = \(fixture.setting.enterprise.id) ORDER BY d.id
            """
        ).map {
            (
                try $0.decode("status"), try $0.decode("attempts"), try $0.decode("last_error", as: String?.self),
                try $0.decode("job_status"), try $0.decode("run_at")
            )
        }
    }

    /// A fixture whose two coordinators each have one e-mail waiting (a rejection).
    static func rejection(_ db: Database) async throws -> NoticeFixture {
        let fixture = try await NoticeFixture(db)
        try await fixture.move(try await fixture.submittedRequest(), through: [.rejected], reason: "设备检修")
        return fixture
    }

    /// Runs `body` with a new CA, a server speaking `security` with the CA's certificate and offering
    /// `mechanisms` (all: empty), and a fixture with two e-mails waiting.
    static func withSecureServer(
        _ security: MailSecurity = .starttls, mechanisms: [String] = [],
        _ body: (TestCertificateAuthority, PythonServer, NoticeFixture) async throws -> Void
    ) async throws {
        let ca = try TestCertificateAuthority()
        let smtp = try secureServer(security, ca, mechanisms: mechanisms)
        try await smtp.start()
        defer { smtp.stop() }
        try await TestDatabase.withPool { db in try await body(ca, smtp, try await rejection(db)) }
    }

    @Test(
        "delivered encrypted by the account logged in: STARTTLS and AUTH PLAIN, certificate checked for the name; TLS from the first byte (port 465's way) and AUTH LOGIN, checked for the IP address",
        arguments: [
            (MailSecurity.starttls, "localhost", [String](), "PLAIN"),
            (MailSecurity.tls, "127.0.0.1", ["LOGIN"], "LOGIN"),
        ])
    func secureDelivery(security: MailSecurity, host: String, offered: [String], mechanism: String) async throws {
        try await Self.withSecureServer(security, mechanisms: offered) { ca, smtp, fixture in
            let mail = Self.mail(smtp, host: host, security: security, ca: ca)
            #expect(try await NoticeFixture.drain(NoticeFixture.worker(fixture.db, mail: mail)) >= 2)
            try await PythonServer.waitFor("two mails") { try Self.mails(smtp, fixture).count >= 2 }
            let mails = try Self.mails(smtp, fixture)
            #expect(mails.count == 2)
            #expect(mails.allSatisfy { $0["tls"] as? Bool == true && $0["auth"] as? String == "\(mechanism) praxis" })
            #expect(try smtp.received(".mail").allSatisfy { $0["tls"] as? Bool == true })
            #expect(try await Self.deliveries(fixture).map(\.status) == ["delivered", "delivered"])
        }
    }

    @Test("a wrong password: refused, kept and tried again after its back-off; the password in no error or log line")
    func wrongPassword() async throws {
        try await Self.withSecureServer { ca, smtp, fixture in
            let db = fixture.db
            let wrong = "Wr0ng-battery-staple"
            let log = LogLines()
            let now = Date()
            let refused = NoticeFixture.worker(
                db, mail: Self.mail(smtp, password: wrong, ca: ca),
                logger: Logger(label: "test") { _ in CollectingLogHandler(lines: log) })
            #expect(try await NoticeFixture.drain(refused, now: now) >= 2)
            let failed = try await Self.deliveries(fixture)
            #expect(failed.map(\.status) == ["pending", "pending"], "kept, not lost")
            #expect(failed.map(\.job) == ["queued", "queued"])
            // the next attempt after the 30 s back-off (stored to the microsecond), none before
            #expect(failed.allSatisfy { $0.attempts == 1 && $0.runAt > now.addingTimeInterval(29.9) })
            #expect(failed.allSatisfy { $0.error?.contains("SMTP AUTH PLAIN: 535") == true })
            let plainToken = Data("\0praxis\0\(wrong)".utf8).base64EncodedString()
            let written = failed.compactMap(\.error) + log.all
            #expect(log.all.contains { $0.contains("535") }, "the refusal is in the log")
            for secret in [wrong, plainToken, Data(wrong.utf8).base64EncodedString()] {
                #expect(!written.contains { $0.contains(secret) })
            }
            #expect(try Self.mails(smtp, fixture).isEmpty && smtp.received(".mail").isEmpty)
            // the password corrected: the same deliveries go out once each at their next attempt
            let corrected = NoticeFixture.worker(db, mail: Self.mail(smtp, ca: ca))
            try await NoticeFixture.drain(corrected, now: now.addingTimeInterval(10))
            #expect(try await Self.deliveries(fixture).map(\.attempts) == [1, 1])
            #expect(try await NoticeFixture.drain(corrected, now: now.addingTimeInterval(31)) >= 2)
            try await PythonServer.waitFor("two mails") { try Self.mails(smtp, fixture).count >= 2 }
            #expect(try Self.mails(smtp, fixture).count == 2)
            #expect(try await Self.deliveries(fixture).map(\.attempts) == [2, 2])
        }
    }

    @Test("TLS required and the server offers no STARTTLS: refused before MAIL or AUTH, nothing sent in clear")
    func noStarttls() async throws {
        let ca = try TestCertificateAuthority()
        let plain = try PythonServer(script: "smtp_sink")
        try await plain.start()
        defer { plain.stop() }
        try await TestDatabase.withPool { db in
            let fixture = try await Self.rejection(db)
            let now = Date()
            var required = Self.mail(plain, ca: ca)
            required.credentials = nil
            required.requireTLS = true
            #expect(try await NoticeFixture.drain(NoticeFixture.worker(db, mail: required), now: now) >= 2)
            // credentials alone require TLS too: AUTH never goes out in clear
            let login = Self.mail(plain, ca: ca)
            #expect(
                try await NoticeFixture.drain(NoticeFixture.worker(db, mail: login), now: now.addingTimeInterval(31))
                    >= 2)
            let refused = try await Self.deliveries(fixture)
            #expect(refused.map(\.attempts) == [2, 2])
            #expect(
                refused.allSatisfy { $0.status == "pending" && $0.error?.contains("does not offer STARTTLS") == true })
            #expect(try plain.received(".mail").isEmpty, "no MAIL FROM was sent")
            #expect(try Self.mails(plain, fixture).isEmpty)
            // a relay that speaks TLS: the same deliveries arrive, encrypted
            let secure = try Self.secureServer(.starttls, ca)
            try await secure.start()
            defer { secure.stop() }
            try await NoticeFixture.drain(
                NoticeFixture.worker(db, mail: Self.mail(secure, ca: ca)), now: now.addingTimeInterval(200))
            try await PythonServer.waitFor("two mails") { try Self.mails(secure, fixture).count >= 2 }
            #expect(try Self.mails(secure, fixture).allSatisfy { $0["tls"] as? Bool == true })
        }
    }

    @Test("a certificate no trusted authority signed: refused before anything is sent; trusted, delivered")
    func untrustedCertificate() async throws {
        try await Self.withSecureServer { ca, smtp, fixture in
            let db = fixture.db
            let now = Date()
            // the system's trust store knows nothing of the test's authority
            #expect(
                try await NoticeFixture.drain(NoticeFixture.worker(db, mail: Self.mail(smtp, ca: nil)), now: now) >= 2)
            let refused = try await Self.deliveries(fixture)
            #expect(refused.allSatisfy { $0.status == "pending" && $0.error?.hasPrefix("SMTP TLS: ") == true })
            #expect(try smtp.received(".mail").isEmpty && Self.mails(smtp, fixture).isEmpty)
            try await NoticeFixture.drain(
                NoticeFixture.worker(db, mail: Self.mail(smtp, ca: ca)), now: now.addingTimeInterval(31))
            try await PythonServer.waitFor("two mails") { try Self.mails(smtp, fixture).count >= 2 }
            #expect(try await Self.deliveries(fixture).map(\.status) == ["delivered", "delivered"])
        }
    }
}

/// The lines a ``CollectingLogHandler`` received.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

/// Keeps every log line (level, message, metadata) for a test to read.
struct CollectingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
    }
}
