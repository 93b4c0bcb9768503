import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing
import WebApp

/// The read-after-write marker at the edge. The test database stands for the primary and, through
/// a second pool, for the standby: what is tested is the marker, not replication.
@Suite("Read-your-writes markers")
struct ReadYourWritesTests {
    static let marker = HTTPField.Name("Praxis-Read-After")!

    static func withRouter(
        standby: Bool, _ body: @escaping @Sendable (AdminClient, Database) async throws -> Void
    ) async throws {
        let database = Database(
            configuration: DatabaseConfiguration(maxConnections: 2),
            replica: standby ? ReadReplica(configuration: DatabaseConfiguration(maxConnections: 2)) : nil)
        do {
            let migrator = Migrator(
                database: database, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            try await Application(router: buildRouter(database: database, migrator: migrator)).test(.router) { raw in
                try await body(try await AdminClient.signing(raw, db: database), database)
            }
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    static func center(_ client: AdminClient, _ database: Database) async throws -> UUID {
        let operatorId: UUID = try await database.query(
            "INSERT INTO organizations (name, kind) VALUES (\("运营 \(UUID().uuidString.prefix(8))"), 'center_operator') RETURNING id"
        ).first!.decode("id")
        return try await client.created(
            "/centers", #"{"name": "读写 \#(UUID().uuidString.prefix(8))", "operatorId": "\#(operatorId)"}"#)
    }

    @Test("with a standby, a write answers its log position in a header and a cookie; a read answers none")
    func writeCarriesTheMarker() async throws {
        try await Self.withRouter(standby: true) { client, database in
            let center = try await Self.center(client, database)
            let created = try await client.execute(
                uri: "/centers/\(center)/resources", method: .post,
                body: ByteBuffer(string: #"{"kind": "room", "name": "一号教室", "seats": 40}"#))
            #expect(created.status == .created)
            let marker = try #require(created.headers[Self.marker])
            #expect(WALPosition(marker) != nil)
            #expect(created.headers[values: .setCookie].contains { $0.hasPrefix("praxis_read_after=\(marker);") })
            let listed = try await client.execute(
                uri: "/centers/\(center)/resources", method: .get, headers: [Self.marker: marker])
            #expect(listed.status == .ok)
            #expect(listed.headers[Self.marker] == nil)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(String(buffer: ready.body).contains(#""standby":"primary""#))
        }
    }

    @Test("without a standby no marker is handed out, and readiness names none")
    func noStandbyNoMarker() async throws {
        try await Self.withRouter(standby: false) { client, database in
            let center = try await Self.center(client, database)
            let created = try await client.execute(
                uri: "/centers/\(center)/resources", method: .post,
                body: ByteBuffer(string: #"{"kind": "room", "name": "二号教室", "seats": 40}"#))
            #expect(created.status == .created)
            #expect(created.headers[Self.marker] == nil)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(!String(buffer: ready.body).contains("standby"))
        }
    }
}
