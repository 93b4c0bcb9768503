import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import WebApp

/// A new center of its own operator, and an enterprise, on the test database; and the API on it
/// with an admin's token: the set-up the route tests share.
struct APICenter: Sendable {
    let center: UUID
    let enterprise: UUID

    /// Runs `body` against the API with an admin's token, a new center and an enterprise.
    static func run(
        _ body: @escaping @Sendable (AdminClient, APICenter, Database) async throws -> Void
    ) async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let operatorId: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("运营 \(tag)"), 'center_operator') RETURNING id"
            ).first!.decode("id")
            let enterprise: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("企业 \(tag)"), 'large_enterprise') RETURNING id"
            ).first!.decode("id")
            let center: UUID = try await db.query(
                "INSERT INTO centers (name, operator_id) VALUES (\("中心 \(tag)"), \(operatorId)) RETURNING id"
            ).first!.decode("id")
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                try await body(
                    try await AdminClient.signing(raw, db: db), APICenter(center: center, enterprise: enterprise), db)
            }
        }
    }
}
