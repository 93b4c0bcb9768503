extension Database {
    /// Runs read-only `body` on the standby when it may (``ReadReplica``: it answers, keeps up,
    /// and has replayed the request's own writes), else on this pool; without a standby, exactly
    /// as ``withConnection(_:)`` (or ``withTransaction(isolation:maxAttempts:_:)``) would.
    ///
    /// The one place where a read-only use case's database is chosen: a use case that only reads
    /// calls this instead of ``withConnection(_:)``. On the standby a write fails (SQLSTATE 25006).
    /// - Parameter isolation: run `body` in one transaction at this level; `nil`: statement by
    ///   statement on one connection.
    /// - Throws: what `body` throws, or ``DatabaseError``.
    public func reading<T: Sendable>(
        isolation: IsolationLevel? = nil, _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        if let replica,
            let value = try await replica.read(after: ReadAfterWrite.current?.position, isolation: isolation, body)
        {
            return value
        }
        guard let isolation else { return try await withConnection(body) }
        return try await withTransaction(isolation: isolation, body)
    }
}

extension Connection {
    /// Whether the transaction under way has written anything (it has a transaction id).
    func hasWritten() throws -> Bool {
        try query("SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote").first?.decode("wrote") ?? false
    }

    /// How far the primary has written its log: after a commit, a position at or past the commit.
    func walInsertPosition() throws -> WALPosition? {
        try query("SELECT pg_current_wal_insert_lsn()::text AS position").first
            .flatMap { WALPosition(try $0.decode("position", as: String.self)) }
    }
}
