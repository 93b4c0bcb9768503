import Database

extension Connection {
    /// The number of rows `source` holds: a table, or a table with a condition (`t WHERE v > \(1)`).
    func rowCount(_ source: SQL) throws -> Int {
        try query("SELECT count(*)::int4 AS n FROM \(source)").first!.decode("n")
    }
}

extension Database {
    /// The number of rows `source` holds, on a connection of the pool (see `Connection.rowCount`).
    func rowCount(_ source: SQL) async throws -> Int {
        try await withConnection { try $0.rowCount(source) }
    }
}
