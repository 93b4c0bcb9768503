import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Recovery from a database outage")
struct RecoveryTests {
    /// Runs `scripts/pg-local` and returns what it printed.
    @discardableResult
    func pgLocal(_ arguments: String...) async throws -> String {
        try await Command.run(TestDatabase.repositoryRoot.appendingPathComponent("scripts/pg-local"), arguments)
    }

    @Test("/readyz goes 503 while the server is down and back to 200 when it returns, without a restart")
    func outage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "praxis-outage-\(UUID().uuidString.prefix(8))")
        let exports = try await pgLocal("start", folder.path, "--fast")
        do {
            try await outage(in: folder, exports: exports)
        } catch {
            _ = try? await pgLocal("stop", folder.path)
            throw error
        }
        try await pgLocal("stop", folder.path)
        try FileManager.default.removeItem(at: folder)
    }

    func outage(in folder: URL, exports: String) async throws {
        let port = try #require(exports.split(separator: " ").first { $0.hasPrefix("PGPORT=") }?.dropFirst(7))
        let db = Database(
            configuration: DatabaseConfiguration(
                conninfo: "host=127.0.0.1 port=\(port) user=postgres dbname=postgres", maxConnections: 2))
        let migrator = Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
        try await migrator.migrate()
        let app = Application(router: buildRouter(database: db, migrator: migrator))
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            try await pgLocal("stop", folder.path)
            let down = try await client.execute(uri: "/readyz", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.contentType] == "application/problem+json")
            let again = try await pgLocal("start", folder.path, "--fast")
            #expect(again == exports, "the cluster should come back on the same port")
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
        }
        await db.shutdown()
    }
}
