extension Connection {
    /// Runs `body` inside a savepoint of the open transaction: when it throws, only its own work
    /// is undone (`ROLLBACK TO SAVEPOINT`) and the transaction goes on, so one bad row of an
    /// import does not abort the checks of the rows after it.
    /// - Throws: the body's error (after rolling back to the savepoint), or ``DatabaseError``.
    public func withSavepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        try query("SAVEPOINT praxis_row")
        let value: T
        do {
            value = try body(self)
        } catch {
            try query("ROLLBACK TO SAVEPOINT praxis_row")
            throw error
        }
        try query("RELEASE SAVEPOINT praxis_row")
        return value
    }
}
