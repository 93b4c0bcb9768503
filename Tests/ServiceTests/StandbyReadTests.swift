import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// Which database the use cases work on when a standby takes reads. The migrated test database
/// stands for the standby and a fresh empty one for the primary: a statement that reaches the
/// primary fails there (SQLSTATE 42P01, no tables), so each answer shows where it was read.
@Suite("Use cases with a standby for reads")
struct StandbyReadTests {
    static func withEmptyPrimary(_ body: (Database) async throws -> Void) async throws {
        try await TestDatabase.withEmptyDatabase { _, name in
            let database = Database(
                configuration: DatabaseConfiguration(conninfo: "dbname=\(name)", maxConnections: 2),
                replica: ReadReplica(configuration: DatabaseConfiguration(maxConnections: 2)))
            do {
                try await body(database)
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    static func onPrimary(_ work: () async throws -> Void) async {
        do {
            try await work()
            Issue.record("answered without reaching the primary")
        } catch {
            #expect((error as? DatabaseError)?.sqlState == .undefinedTable, "\(error)")
        }
    }

    static let week = (Date(timeIntervalSince1970: 1_900_000_000), Date(timeIntervalSince1970: 1_900_604_800))

    @Test("a listing, a timetable, a report and a feed are read on the standby")
    func readsOnTheStandby() async throws {
        try await Self.withEmptyPrimary { database throws in
            let (from, to) = Self.week
            await #expect(throws: ServiceError.notFound(entity: "center")) {
                try await BookingService(database: database).bookings(
                    in: UUID(), from: from, to: to, status: nil, page: try Page(), as: .system)
            }
            await #expect(throws: ServiceError.notFound(entity: "resource")) {
                try await TimetableService(database: database).timetable(
                    of: .resource(UUID()), from: from, to: to, page: try Page(), as: .system)
            }
            await #expect(throws: ServiceError.notFound(entity: "feed")) {
                try await FeedService(database: database).feed(secret: "no such feed", host: "localhost")
            }
        }
    }

    @Test("a use case that writes works on the primary")
    func writesOnThePrimary() async throws {
        try await Self.withEmptyPrimary { database throws in
            await Self.onPrimary {
                _ = try await BookingService(database: database).cancel(UUID(), version: 1, as: .system)
            }
        }
    }

    @Test("a read after a write the standby has not replayed is the primary's")
    func readAfterWrite() async throws {
        try await Self.withEmptyPrimary { database throws in
            let (from, to) = Self.week
            let request = ReadAfterWrite(after: WALPosition("FFFFFFFF/0"))
            await ReadAfterWrite.$current.withValue(request) {
                await Self.onPrimary {
                    _ = try await BookingService(database: database).bookings(
                        in: UUID(), from: from, to: to, status: nil, page: try Page(), as: .system)
                }
            }
        }
    }

    @Test("readiness reports the standby: answering (here a primary of its own) or unreachable")
    func readiness() async throws {
        let migrations = try Migration.load(from: TestDatabase.migrationsDirectory)
        for (url, expected) in [("", HealthService.Standby.primary), ("host=127.0.0.1 port=1", .unreachable)] {
            let database = Database(
                configuration: DatabaseConfiguration(maxConnections: 1),
                replica: ReadReplica(configuration: DatabaseConfiguration(conninfo: url, maxConnections: 1)))
            let standby = try await HealthService(
                migrator: Migrator(database: database, migrations: migrations), replica: database.replica
            ).checkReady()
            #expect(standby == expected)
            await database.shutdown()
        }
    }
}
