import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing
import WebApp

/// A clock the tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }
}

/// An organization with an admin account, a router on the test database with a hand-moved clock,
/// and helpers to log in and create tokens. Every fixture uses its own names and client address,
/// so tests running side by side do not throttle each other.
struct AuthFixture: Sendable {
    let db: Database
    let clock: ManualClock
    let organizationId: UUID
    let tag: String
    let client: String
    let adminUsername: String
    static let password = "correct horse battery staple"

    static func run(
        _ configure: (inout SecurityConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (AuthFixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8).lowercased()
            let organizationId: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("联合体 \(tag)"), 'center_operator') RETURNING id"
            ).first!.decode("id")
            let fixture = AuthFixture(
                db: db, clock: ManualClock(), organizationId: organizationId, tag: String(tag),
                client: "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))",
                adminUsername: "admin-\(tag)")
            _ = try await fixture.users.create(
                NewUser(
                    username: fixture.adminUsername, displayName: "管理员", organizationId: organizationId,
                    password: Self.password,
                    roles: [RoleGrant(role: .admin)]), as: .system)
            try await fixture.process(configure) { client in try await body(fixture, client) }
        }
    }

    /// Runs `body` with a client of one `praxis serve` process on the fixture's database and clock;
    /// two calls are two processes that share nothing but the database.
    func process(
        _ configure: (inout SecurityConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var security = SecurityConfiguration(
            trustForwardedFor: true, bcryptCost: 4, now: { [clock] in clock.now })
        configure(&security)
        let migrator = Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
        let router = buildRouter(database: db, migrator: migrator, security: security)
        try await Application(router: router).test(.router, body)
    }

    var users: UserService { UserService(database: db, hasher: PasswordHasher(cost: 4)) }

    /// A JSON body.
    /// The object as JSON with sorted keys: two equal dictionaries give the same bytes (a
    /// dictionary's order differs from instance to instance, which an Idempotency-Key would see).
    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// The response body as a JSON object.
    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    /// `POST /login` from this fixture's client address.
    func login(
        _ client: any TestClientProtocol, username: String? = nil, password: String = AuthFixture.password
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/json", .init("X-Forwarded-For")!: self.client],
            body: Self.json(["username": username ?? adminUsername, "password": password]))
    }

    /// Logs in and returns the cookie header value and the CSRF token.
    func session(
        _ client: any TestClientProtocol, username: String? = nil
    ) async throws -> (cookie: String, csrf: String) {
        let response = try await login(client, username: username)
        #expect(response.status == .ok)
        let setCookie = try #require(response.headers[.setCookie])
        let cookie = String(try #require(setCookie.split(separator: ";").first))
        let csrf = try #require(try Self.object(response)["csrfToken"] as? String)
        return (cookie, csrf)
    }

    /// Creates an API token through a session; returns the secret and the token's id.
    func token(
        _ client: any TestClientProtocol, username: String? = nil, body: [String: Any] = ["name": "ci"]
    ) async throws -> (secret: String, id: String) {
        let (cookie, csrf) = try await session(client, username: username)
        let response = try await client.execute(
            uri: "/tokens", method: .post,
            headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf, .contentType: "application/json"],
            body: Self.json(body))
        #expect(response.status == .created)
        let object = try Self.object(response)
        let token = try #require(object["token"] as? [String: Any])
        return (try #require(object["secret"] as? String), try #require(token["id"] as? String))
    }

    /// Creates an account of this fixture's organization with the given roles (from the command line).
    func addUser(_ name: String, roles: [RoleGrant], organizationId: UUID? = nil) async throws -> User {
        try await users.create(
            NewUser(
                username: "\(name)-\(tag)", displayName: name, organizationId: organizationId ?? self.organizationId,
                password: Self.password, roles: roles), as: .system)
    }
}

extension HTTPFields {
    /// `Authorization: Bearer <secret>`.
    static func bearer(_ secret: String) -> HTTPFields {
        [.authorization: "Bearer \(secret)"]
    }
}

/// The suites on accounts and access, one test at a time: each opens a pool, and the whole test
/// run shares one PostgreSQL server's connection limit.
@Suite("Accounts and access over HTTP", .serialized)
struct AuthTests {}
