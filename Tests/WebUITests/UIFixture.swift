import Access
import Database
import Domain
import Door
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Planning
import Service
import TestSupport
import Testing
import WebApp

/// A database of its own with the demo center, its accounts and a few bookings in the week of
/// 2 March 2026 (made once, for every test of the suite), and a router on it.
struct UIFixture: Sendable {
    /// Every organization of the demo that is neither the operator nor a reader's own.
    static let organizations = [
        "潍坊职业学院", "潍坊市工业学校", "潍坊理工学院", "潍海动力装备集团", "鲁信精密机械集团", "寿光精工零部件", "青州智造模具",
        "诸城汽配科技", "高密焊接科技", "昌乐三维打印", "安丘自动化设备",
    ]

    let db: Database
    let centerId: UUID
    /// The organizations of `demo.school` and `demo.enterprise` (the demo picks them by id).
    let school: String
    let enterprise: String

    /// The demo accounts' password: `PRAXIS_DEMO_PASSWORD` as `scripts/test` sets it, or one
    /// generated for this test run.
    static let demoPassword = DemoCenter.demoPassword().password

    private static let prepared = Task<(String, UUID, String, String), any Error> {
        let name = "praxis_ui_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let admin = Database(configuration: DatabaseConfiguration(conninfo: "dbname=postgres", maxConnections: 1))
        try await admin.query(SQL(unsafe: "CREATE DATABASE \(name)"))
        await admin.shutdown()
        let db = Database(configuration: DatabaseConfiguration(conninfo: "dbname=\(name)", maxConnections: 2))
        do {
            try await Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
                .migrate()
            let centerId = try await DemoCenter(database: db).load().centerId
            _ = try await DemoCenter(database: db).loadAccounts(password: demoPassword, hasher: PasswordHasher(cost: 4))
            try await bookSome(db, centerId: centerId)
            func organization(of username: String) async throws -> String {
                try await db.query(
                    "SELECT o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.username = \(username)"
                ).first!.decode("name")
            }
            let (school, enterprise) = (
                try await organization(of: "demo.school"), try await organization(of: "demo.enterprise")
            )
            await db.shutdown()
            return (String(name), centerId, school, enterprise)
        } catch {
            await db.shutdown()
            throw error
        }
    }

    /// Another enterprise's confidential pilot run, another school's class, and a session the demo
    /// instructor teaches: what the role tests must (not) see.
    private static func bookSome(_ db: Database, centerId: UUID) async throws {
        let resources = try await CenterService(database: db).resources(
            of: centerId, page: Page(limit: 500), as: .system)
        let organizations = try await OrganizationService(database: db).organizations(
            kind: nil, page: Page(limit: 500), as: .system)
        func resource(_ name: String) -> UUID { resources.first { $0.name == name }!.id }
        func organization(_ name: String) -> UUID { organizations.first { $0.name == name }!.id }
        let instructor: UUID = try await db.query(
            "SELECT instructor_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'demo.instructor'"
        ).first!.decode("instructor_id")
        let instructorOrg: UUID = try await db.query("SELECT organization_id FROM instructors WHERE id = \(instructor)")
            .first!.decode("organization_id")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        func at(_ day: Int, _ hour: Int) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            return calendar.date(from: DateComponents(year: 2026, month: 3, day: day, hour: hour))!
        }
        let bookings = BookingService(database: db, now: TestClock.term)
        _ = try await bookings.book(
            NewBooking(
                organizationId: organization("鲁信精密机械集团"), category: .pilotProduction, title: "新产品中试 鲁信精密机械集团",
                start: at(3, 9), end: at(3, 12), resources: [.init(resourceId: resource("智能产线中试线"))]), in: centerId,
            as: .system)
        _ = try await bookings.book(
            NewBooking(
                organizationId: organization("潍坊市工业学校"), category: .studentTraining, title: "潍坊市工业学校 焊接体验课",
                start: at(4, 9), end: at(4, 11), resources: [.init(resourceId: resource("手工焊工位"), stations: 8)]),
            in: centerId, as: .system)
        _ = try await bookings.book(
            NewBooking(
                organizationId: instructorOrg, category: .studentTraining, title: "教师本人的实训课",
                start: at(5, 14), end: at(5, 17), resources: [.init(resourceId: resource("PLC 实验室"))],
                instructorId: instructor), in: centerId, as: .system)
    }

    /// Runs `body` with a router on the prepared database.
    static func run(_ body: @escaping @Sendable (UIFixture, any TestClientProtocol) async throws -> Void) async throws {
        let (name, centerId, school, enterprise) = try await prepared.value
        let db = Database(configuration: DatabaseConfiguration(conninfo: "dbname=\(name)", maxConnections: 2))
        do {
            let security = SecurityConfiguration(trustForwardedFor: true, bcryptCost: 4)
            var settings = security.services
            settings.bookingNow = TestClock.term
            // the tests share the demo center, and no worker runs their queued plans
            settings.planLimits.activePlansPerCenter = 1_000
            let services = Services(
                database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory), settings: settings
            )
            let router = buildRouter(services: services, security: security)
            try await Application(router: router).test(.router) { client in
                try await body(UIFixture(db: db, centerId: centerId, school: school, enterprise: enterprise), client)
            }
            await db.shutdown()
        } catch {
            await db.shutdown()
            throw error
        }
    }

    /// A signed-in browser: its cookie header and the session's CSRF token.
    struct Session: Sendable {
        let cookie: String
        let csrf: String

        var headers: HTTPFields { [.cookie: cookie] }

        /// Headers of a form post.
        var form: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
    }

    /// ``demoPassword`` as a form value.
    private static let formPassword = demoPassword.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

    /// Signs in through the login form from an address of its own (so that throttling counts apart),
    /// one sign-in of an account at a time: tests running side by side share the demo accounts,
    /// and the login throttle counts a sign-in still being verified as a possible failure.
    func signIn(_ client: any TestClientProtocol, as username: String) async throws -> Session {
        try await Self.signIns.one(at: username) { try await signInNow(client, as: username) }
    }

    private static let signIns = OneAtATime()

    private func signInNow(_ client: any TestClientProtocol, as username: String) async throws -> Session {
        let response = try await client.execute(
            uri: "/ui/login", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded",
                .init("X-Forwarded-For")!: "10.9.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))",
            ],
            body: ByteBuffer(string: "username=\(username)&password=\(Self.formPassword)&next=/ui/"))
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("praxis_ui=") })
        let session = String(cookie.split(separator: ";")[0])
        let home = try await client.execute(uri: "/ui/", method: .get, headers: [.cookie: session])
        return Session(cookie: session, csrf: try #require(Self.csrf(in: String(buffer: home.body))))
    }

    /// The CSRF token a page's forms carry.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// A form body, percent-encoded.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(
            string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
                separator: "&"))
    }
}

/// Runs work of one key after the previous work of that key has ended.
actor OneAtATime {
    private var last: [String: Task<Void, Never>] = [:]

    func one<T: Sendable>(at key: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = last[key]
        let work = Task {
            await previous?.value
            return try await body()
        }
        last[key] = Task { _ = try? await work.value }
        return try await work.value
    }
}
