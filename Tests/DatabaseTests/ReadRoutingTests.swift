import Database
import Foundation
import TestSupport
import Testing

/// Where ``Database/reading(isolation:_:)`` runs a read. Two databases of the test cluster stand
/// for the primary and the standby (each says which it is): replication itself is not tested here
/// but by `scripts/drill promote-standby`. A database that is not in recovery counts as a standby
/// that has replayed everything its cluster wrote.
@Suite("Reads routed to a standby")
struct ReadRoutingTests {
    /// Runs `body` with a pool on "primary" whose replica is "standby" (or `standbyURL`), each a
    /// fresh database with a table `place` naming it; `body` also gets a pool of its own on "standby".
    static func withPair(
        standbyURL: String? = nil, standbyConnections: Int = 2, _ body: (Database, Database) async throws -> Void
    ) async throws {
        try await TestDatabase.withEmptyDatabase { primary, primaryName in
            try await TestDatabase.withEmptyDatabase { standby, standbyName in
                try await primary.query("CREATE TABLE place AS SELECT 'primary' AS name")
                try await standby.query("CREATE TABLE place AS SELECT 'standby' AS name")
                let routed = Database(
                    configuration: DatabaseConfiguration(conninfo: "dbname=\(primaryName)", maxConnections: 2),
                    replica: ReadReplica(
                        configuration: DatabaseConfiguration(
                            conninfo: standbyURL ?? "dbname=\(standbyName)", maxConnections: standbyConnections)))
                do {
                    try await body(routed, standby)
                    await routed.shutdown()
                } catch {
                    await routed.shutdown()
                    throw error
                }
            }
        }
    }

    static func place(_ database: Database, isolation: IsolationLevel? = nil) async throws -> String {
        try await database.reading(isolation: isolation) { connection in
            try connection.query("SELECT name FROM place").first!.decode("name", as: String.self)
        }
    }

    @Test("a read-only use case's read goes to the standby, in a transaction too; writes stay on the primary")
    func readsGoToTheStandby() async throws {
        try await Self.withPair { database, _ throws in
            #expect(try await Self.place(database) == "standby")
            #expect(try await Self.place(database, isolation: .repeatableRead) == "standby")
            let written = try await database.withTransaction { connection in
                try connection.query("SELECT name FROM place").first!.decode("name", as: String.self)
            }
            #expect(written == "primary")
        }
    }

    @Test("a read after a write the standby has not replayed goes to the primary")
    func markerAheadOfTheStandby() async throws {
        try await Self.withPair { database, _ throws in
            let ahead = ReadAfterWrite(after: WALPosition("FFFFFFFF/0"))
            let place = try await ReadAfterWrite.$current.withValue(ahead) { try await Self.place(database) }
            #expect(place == "primary")
        }
    }

    @Test("a request that may write reads on the primary; the primary's log position only grows")
    func writingRequestReadsThePrimary() async throws {
        try await Self.withPair { database, _ throws in
            let writing = ReadAfterWrite(after: nil, primaryOnly: true)
            let place = try await ReadAfterWrite.$current.withValue(writing) { try await Self.place(database) }
            #expect(place == "primary")
            let before = try #require(try await database.walInsertPosition())
            try await database.query("INSERT INTO place VALUES ('written')")
            let after = try #require(try await database.walInsertPosition())
            #expect(after > before)
            // the stand-in standby is on the same cluster: it has "replayed" the write once the WAL is written
            // past it; the test cluster commits asynchronously, so a commit that waits for its flush writes it
            try await database.withTransaction { connection in
                try connection.query("SET LOCAL synchronous_commit = on")
                try connection.query("INSERT INTO place VALUES ('flushed')")
            }
            let reading = ReadAfterWrite(after: after)
            #expect(
                try await ReadAfterWrite.$current.withValue(reading) { try await Self.place(database) } == "standby")
        }
    }

    @Test(
        "a statement prepared on the standby before a migration reached it: that read in a transaction goes to the primary"
    )
    func migratedStandby() async throws {
        try await Self.withPair(standbyConnections: 1) { database, standby in
            #expect(try await Self.place(database, isolation: .repeatableRead) == "standby")
            try await standby.query("ALTER TABLE place ALTER COLUMN name TYPE varchar(20)")
            #expect(try await Self.place(database, isolation: .repeatableRead) == "primary")
            #expect(try await Self.place(database, isolation: .repeatableRead) == "standby")
        }
    }

    @Test("a standby that does not answer: reads go to the primary")
    func standbyDown() async throws {
        try await Self.withPair(standbyURL: "host=127.0.0.1 port=1 dbname=none connect_timeout=2") {
            database, _ throws in
            #expect(try await Self.place(database) == "primary")
            #expect(try await Self.place(database, isolation: .repeatableRead) == "primary")
        }
    }

    @Test("without a standby every read is the primary's")
    func noStandby() async throws {
        try await TestDatabase.withEmptyDatabase { database, _ in
            try await database.query("CREATE TABLE place AS SELECT 'primary' AS name")
            #expect(try await Self.place(database) == "primary")
            #expect(database.replica == nil)
        }
    }

    @Test("a standby that lags, is cut off from its primary or is behind the marker does not serve")
    func standing() {
        let lag = Duration.seconds(10)
        let fresh = ReadReplica.Standing(inRecovery: true, replayed: WALPosition(100), lag: .zero, receiving: true)
        #expect(fresh.serves(after: nil, maxLag: lag))
        #expect(fresh.serves(after: WALPosition(100), maxLag: lag))
        #expect(!fresh.serves(after: WALPosition(101), maxLag: lag))
        var lagging = fresh
        lagging.lag = .seconds(11)
        #expect(!lagging.serves(after: nil, maxLag: lag))
        var cutOff = fresh
        cutOff.receiving = false
        #expect(!cutOff.serves(after: nil, maxLag: lag))
        let promoted = ReadReplica.Standing(inRecovery: false, replayed: WALPosition(5), lag: .zero, receiving: false)
        #expect(promoted.serves(after: WALPosition(5), maxLag: lag))
    }

    @Test(
        "log positions parse and print as PostgreSQL writes them",
        arguments: ["0/0", "16/B374D848", "FFFFFFFF/FFFFFFFF"])
    func positions(_ text: String) throws {
        #expect(try #require(WALPosition(text)).description == text)
    }

    @Test(
        "what is not a log position is refused",
        arguments: ["", "1", "/1", "1/", "1/2/3", "G/1", "123456789/0", "-1/0", "+1/0", " 1/0"])
    func notPositions(_ text: String) {
        #expect(WALPosition(text) == nil)
    }

    @Test("positions order by their number")
    func ordering() {
        #expect(WALPosition("1/0")! > WALPosition("0/FFFFFFFF")!)
        #expect(WALPosition("16/B374D848")!.value == 0x16_B374_D848)
    }
}
