import Access
import Database
import Domain
import Service
import TestSupport
import Testing

@Suite("Readiness and the database failures the edges answer")
struct HealthServiceTests {
    static func health(_ db: Database) throws -> HealthService {
        HealthService(
            migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory)))
    }

    @Test("ready when every migration is applied; unavailable while one is pending or the database is away")
    func readiness() async throws {
        #expect(try await TestDatabase.withPool { db in try await Self.health(db).checkReady() } == nil)
        _ = try await TestDatabase.withEmptyDatabase { db, _ in
            await #expect(throws: ServiceError.unavailable("The database schema is not current. Run `praxis migrate`."))
            {
                try await Self.health(db).checkReady()
            }
        }
        let away = Database(configuration: DatabaseConfiguration(conninfo: "host=127.0.0.1 port=1", maxConnections: 1))
        await #expect(throws: ServiceError.unavailable("The database is unreachable. Try again shortly.")) {
            try await Self.health(away).checkReady()
        }
        await away.shutdown()
    }

    @Test(
        "an outage is unavailable, lost retries a concurrent update, a NUL invalid; integrity and other errors stay internal"
    )
    func conversion() {
        func converted(_ code: DatabaseError.Code, _ state: SQLState? = nil) -> ServiceError? {
            ServiceError(databaseFailure: DatabaseError(code: code, sqlState: state, message: "m"))
        }
        #expect(converted(.connectionFailure) == .unavailable("The database is unreachable. Try again shortly."))
        #expect(converted(.poolClosed) == .unavailable("The database is unreachable. Try again shortly."))
        #expect(converted(.server, .serializationFailure) == .concurrentUpdate)
        #expect(converted(.server, .deadlockDetected) == .concurrentUpdate)
        guard case .invalid(let error)? = converted(.invalidParameter) else {
            Issue.record("a NUL should be invalid")
            return
        }
        #expect(error.rule == "characters")
        #expect(converted(.server, .uniqueViolation) == nil)
        #expect(converted(.decoding) == nil)
        #expect(ServiceError(databaseFailure: ServiceError.concurrentUpdate) == nil)
    }
}
