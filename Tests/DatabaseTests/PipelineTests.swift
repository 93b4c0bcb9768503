import Database
import Foundation
import TestSupport
import Testing

@Suite("Pipelines")
struct PipelineTests {
    @Test("answers come back in the order of the queries, each read its own way")
    func order() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let (number, word, rows) = try await db.withConnection { connection in
                let (number, word, _, rows) =
                    try connection.pipeline(
                        Query("SELECT \(41)::int8 + 1 AS v") { try $0.first!.decode("v", as: Int.self) },
                        Query("SELECT upper(\("ok")) AS w") { try $0.first!.decode("w", as: String.self) },
                        Query("SELECT 1 WHERE false"),
                        Query("SELECT generate_series(1, \(3)::int4) AS n") { $0.count })
                return (number, word, rows)
            }
            #expect(number == 42)
            #expect(word == "OK")
            #expect(rows == 3)
        }
    }

    @Test("a failing statement takes the statements before it back, and the connection goes on")
    func allOrNothing() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 1) { db, _ in
            try await db.query("CREATE TABLE t (v int4 PRIMARY KEY)")
            let thrown = await #expect(throws: DatabaseError.self) {
                try await db.withConnection { connection in
                    try connection.pipeline(
                        Query("INSERT INTO t VALUES (\(1)::int4)"),
                        Query("INSERT INTO t VALUES (\(1)::int4)"),
                        Query("INSERT INTO t VALUES (\(2)::int4)"))
                }
            }
            #expect(thrown?.sqlState == .uniqueViolation)
            let (left, inserted) = try await db.withConnection { connection in
                let left = try connection.rowCount("t")
                try connection.pipeline(
                    Query("INSERT INTO t VALUES (\(1)::int4)"), Query("INSERT INTO t VALUES (\(2)::int4)"))
                return (left, try connection.rowCount("t"))
            }
            #expect(left == 0)
            #expect(inserted == 2)
        }
    }

    @Test("a commit refused at the Sync (a deferred constraint) is thrown, stores nothing, and the connection goes on")
    func refusedCommit() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 1) { db, _ in
            try await db.withConnection { connection in
                try connection.execute(
                    script: """
                        CREATE TABLE t (v int4);
                        CREATE FUNCTION refuse_three() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.v = 3 THEN RAISE EXCEPTION 'three' USING ERRCODE = 'check_violation'; END IF;
                            RETURN NULL;
                        END $$;
                        CREATE CONSTRAINT TRIGGER refuse_three AFTER INSERT ON t
                            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_three();
                        """)
                let thrown = #expect(throws: DatabaseError.self) {
                    try connection.pipeline(
                        Query("INSERT INTO t VALUES (\(1)::int4)"), Query("INSERT INTO t VALUES (\(3)::int4)"))
                }
                #expect(thrown?.sqlState == .checkViolation)
                #expect(try connection.rowCount("t") == 0)
                try connection.pipeline(Query("INSERT INTO t VALUES (\(1)::int4)"), Query("SELECT 1"))
                #expect(try connection.rowCount("t") == 1)
            }
        }
    }

    @Test("a connection lost at the Sync (the server shut down before the commit) is thrown as a connection failure")
    func lostAtCommit() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 2) { db, _ in
            try await db.query("CREATE TABLE t (v int4)")
            try await db.withConnection { connection in
                try connection.execute(
                    script: """
                        CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            PERFORM pg_terminate_backend(pg_backend_pid());
                            RETURN NULL;
                        END $$;
                        CREATE CONSTRAINT TRIGGER end_session AFTER INSERT ON t
                            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION end_session();
                        """)
            }
            let thrown = await #expect(throws: DatabaseError.self) {
                try await db.withConnection { connection in
                    try connection.pipeline(Query("INSERT INTO t VALUES (\(1)::int4)"), Query("SELECT 1"))
                }
            }
            #expect(thrown?.code == .connectionFailure)
            let stored = try await db.rowCount("t")
            #expect(stored == 0)
        }
    }

    @Test("statements are prepared once per connection, inside a pipeline or out of it")
    func prepared() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            try await db.withConnection { connection in
                let before = try connection.rowCount("pg_prepared_statements")
                for value in 1...3 {
                    let (twice, echoed) = try connection.pipeline(
                        Query("SELECT \(value)::int8 * 2 AS v") { try $0.first!.decode("v", as: Int.self) },
                        Query("SELECT \(value)::int8 * 2 AS v") { try $0.first!.decode("v", as: Int.self) })
                    #expect(twice == value * 2 && echoed == value * 2)
                    let single = try connection.query("SELECT \(value)::int8 * 2 AS v").first!.decode("v", as: Int.self)
                    #expect(single == value * 2)
                }
                let after = try connection.rowCount("pg_prepared_statements")
                #expect(after == before + 1)
            }
        }
    }

    @Test("a table changed under a statement prepared earlier is read again, not refused")
    func changedTable() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 1) { db, _ in
            try await db.withConnection { connection in
                try connection.execute(script: "CREATE TABLE t (a int4); INSERT INTO t VALUES (1)")
                let select = Query("SELECT * FROM t") { $0.columns }
                #expect(try connection.pipeline(select, Query("SELECT 1")).0 == ["a"])
                try connection.execute(script: "ALTER TABLE t ADD COLUMN b int4")
                #expect(try connection.pipeline(select, Query("SELECT 1")).0 == ["a", "b"])
                #expect(try connection.run(select) == ["a", "b"])
            }
        }
    }

    @Test("a NUL in a parameter is refused before anything is sent")
    func nul() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 1) { db, _ in
            try await db.query("CREATE TABLE t (v text)")
            let thrown = await #expect(throws: DatabaseError.self) {
                try await db.withConnection { connection in
                    try connection.pipeline(
                        Query("INSERT INTO t VALUES (\("fine"))"), Query("INSERT INTO t VALUES (\("a\u{0}b"))"))
                }
            }
            #expect(thrown?.code == .invalidParameter)
            let stored = try await db.rowCount("t")
            #expect(stored == 0)
        }
    }
}
