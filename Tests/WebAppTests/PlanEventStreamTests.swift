import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Plan-event streams over a real connection")
struct PlanEventStreamTests {
    /// A raw connection reading `path` as a browser's EventSource does; closed with `close(_:)`.
    static func connect(port: Int, path: String, token: String) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connectSocket(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let request = "GET \(path) HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let read = recv(fd, &buffer, buffer.count, 0)
        let head = String(decoding: buffer.prefix(max(0, read)), as: UTF8.self)
        try #require(head.hasPrefix("HTTP/1.1 200"), "\(head)")
        return fd
    }

    @Test(
        "a user holds at most three streams (a fourth is 429); a client that goes away ends its stream and its polling")
    func capAndDisconnect() async throws {
        try await TestDatabase.withPool(maxConnections: 4) { db in
            let centerId = try await PlanRoutesTests().center(db)
            // a run held by no live worker (committed as running, so no test's worker takes it)
            let planId: UUID = try await db.query(
                """
                INSERT INTO plans (center_id, status, horizon, time_limit_ms, worker, attempts, lease_until)
                VALUES (\(centerId), 'running', daterange('2026-03-02', '2026-03-06', '[]'), 1000, 'nobody', 1,
                        now() + interval '10 minutes')
                RETURNING id
                """
            ).first!.decode("id")
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                let userId: UUID = try await db.query(
                    "SELECT id FROM users WHERE username = \(client.username)"
                ).first!.decode("id")
                func open() async throws -> Int {
                    try await db.query(
                        "SELECT count(*)::int4 AS n FROM plan_event_streams WHERE user_id = \(userId)"
                    ).first!.decode("n")
                }
                let port = try #require(raw.port)
                let streams = try (0..<3).map { _ in
                    try Self.connect(port: port, path: "/plans/\(planId)/events", token: client.token)
                }
                #expect(try await open() == 3)
                let fourth = try await client.execute(uri: "/plans/\(planId)/events", method: .get)
                #expect(fourth.status == .tooManyRequests)
                #expect(fourth.headers[.retryAfter] != nil)

                for stream in streams { close(stream) }
                var waited = 0
                while try await open() > 0, waited < 100 {
                    try await Task.sleep(for: .milliseconds(50))
                    waited += 1
                }
                #expect(try await open() == 0, "the streams went on after their clients left")
            }
        }
    }
}

/// The C library's `connect`, which the test's method name would otherwise shadow.
private func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}
