import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Health probes")
struct HealthTests {
    static func migrator(_ db: Database) throws -> Migrator {
        Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
    }

    @Test("/healthz answers while the process lives, /readyz when the schema is current")
    func ready() async throws {
        try await TestDatabase.withPool { db in
            let app = Application(router: buildRouter(database: db, migrator: try Self.migrator(db)))
            try await app.test(.router) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"ok\""))
                    #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil)
                }
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("ready"))
                }
            }
        }
    }

    @Test("/readyz is 503 problem+json when the database is unreachable")
    func unreachable() async throws {
        let db = Database(configuration: DatabaseConfiguration(conninfo: "host=127.0.0.1 port=1", maxConnections: 1))
        let app = Application(router: buildRouter(database: db, migrator: try Self.migrator(db)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try Problem(response.body)
                #expect(problem.type == "/problems/unavailable")
                #expect(problem.status == 503)
            }
        }
        await db.shutdown()
    }

    @Test("/readyz is 503 while migrations are pending")
    func pendingMigrations() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let app = Application(router: buildRouter(database: db, migrator: try Self.migrator(db)))
            try await app.test(.router) { client in
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    let detail = try Problem(response.body).detail
                    #expect(detail?.contains("praxis migrate") == true)
                }
            }
        }
    }
}

/// The problem document fields tests look at.
struct Problem: Decodable {
    let type: String
    let title: String
    let status: Int
    let detail: String?
    let field: String?
    let rule: String?
    let instance: String?

    init(_ buffer: ByteBuffer) throws {
        self = try JSONDecoder().decode(Problem.self, from: Data(buffer.readableBytesView))
    }
}
