import Access
import Database
import Domain
import Foundation
import Logging
import Outbound
import Service
import TestSupport

/// A center, an enterprise with two coordinators who want e-mail (one in English, one in Chinese),
/// and a manager: the people the notification tests tell things.
struct NoticeFixture {
    let db: Database
    let setting: RequestServiceTests.Setting
    let english: Principal
    let chinese: Principal
    let manager: Principal
    /// A tag in this fixture's addresses, so a test reads only its own mail.
    let tag = UUID().uuidString.prefix(8).lowercased()

    /// - Parameter email: whether the coordinators want e-mail (only the e-mail tests, which drain the
    ///   queue one at a time, should make e-mail jobs).
    init(_ db: Database, email: Bool = true) async throws {
        self.db = db
        setting = try await RequestServiceTests.Setting(db)
        english = try await Self.account(in: setting.enterprise.id, .enterpriseCoordinator, db)
        chinese = try await Self.account(in: setting.enterprise.id, .enterpriseCoordinator, db)
        manager = try await setting.center.manager()
        let notices = NoticeService(database: db)
        _ = try await notices.updatePreferences(
            NoticePreferences(
                language: "en", email: "en-\(tag)@example.org", emailEnabled: email, mutedEvents: [.requestPlanned]),
            version: 0, as: english)
        _ = try await notices.updatePreferences(
            NoticePreferences(language: "zh-CN", email: "zh-\(tag)@example.org", emailEnabled: email),
            version: 0, as: chinese)
    }

    /// An account of `organizationId` with `role`.
    static func account(in organizationId: UUID, _ role: Role, _ db: Database) async throws -> Principal {
        let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "n-\(UUID().uuidString.prefix(12).lowercased())", displayName: "协调员",
                organizationId: organizationId, password: nil, roles: [RoleGrant(role: role)]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }

    /// A submitted upskilling request of the enterprise.
    func submittedRequest() async throws -> Request {
        var input = setting.upskilling
        input.submit = true
        return try await RequestService(database: db).create(input, in: setting.center.center.id, as: .system)
    }

    /// Moves a request along `states` as the system, step by step.
    @discardableResult
    func move(_ request: Request, through states: [RequestState], reason: String? = nil) async throws -> Request {
        var request = request
        for state in states {
            request = try await RequestService(database: db).move(
                request.id, to: state, reason: reason, version: request.version, as: .system)
        }
        return request
    }

    /// A delivery worker sending mail to `smtp` (if any), with short, explicit leases and back-offs.
    static func worker(_ db: Database, smtp: PythonServer?, id: String = "worker-a") -> DeliveryWorker {
        worker(
            db,
            mail: smtp.map {
                MailConfiguration(
                    host: "127.0.0.1", port: $0.port, from: "praxis@example.org",
                    publicURL: "https://praxis.example.org", timeout: .seconds(120))
            }, id: id)
    }

    /// A delivery worker sending mail as `mail` says (if at all), logging to `logger`.
    static func worker(
        _ db: Database, mail: MailConfiguration?, id: String = "worker-a", logger: Logger = Logger(label: "test")
    ) -> DeliveryWorker {
        DeliveryWorker(
            database: db,
            configuration: DeliveryWorkerConfiguration(
                workerId: id, mail: mail, lease: .seconds(60), heartbeatInterval: .seconds(30),
                backoff: Backoff(base: .seconds(30))),
            logger: logger)
    }

    /// Works every delivery job due at `now`, one at a time; returns how many it took.
    @discardableResult
    static func drain(_ worker: DeliveryWorker, now: Date = Date()) async throws -> Int {
        var count = 0
        while try await worker.runOnce(now: now) != nil { count += 1 }
        return count
    }
}
