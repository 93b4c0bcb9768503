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
        let request = ReadAfterWrite.current
        if let replica, request?.primaryOnly != true,
            let value = try await replica.read(after: request?.position, isolation: isolation, body)
        {
            return value
        }
        guard let isolation else { return try await withConnection(body) }
        return try await withTransaction(isolation: isolation, body)
    }
}

extension Database {
    /// How far the primary has written its log: taken after a request's writes, a position at or
    /// past their commits (the client's read-after-write marker).
    public func walInsertPosition() async throws -> WALPosition? {
        try await withConnection { connection in
            try connection.query("SELECT pg_current_wal_insert_lsn()::text AS position").first
                .flatMap { WALPosition(try $0.decode("position", as: String.self)) }
        }
    }
}
