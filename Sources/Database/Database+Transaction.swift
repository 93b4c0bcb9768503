import CLibPQ
import Foundation
import Logging

/// The isolation level a transaction runs at.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension Database {
    /// Runs `body` in one transaction on one connection, on a database thread: committed when
    /// `body` returns, rolled back when it throws.
    ///
    /// A serialization failure (40001), deadlock (40P01) or prepared statement whose table
    /// changed (``DatabaseError/isStaleStatement``) re-runs the whole body, at most
    /// `maxAttempts` times in all, so `body` must do nothing but database work.
    /// - Throws: the body's error, or ``DatabaseError`` from `BEGIN`/`COMMIT`.
    @discardableResult
    public func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        maxAttempts: Int = 5,
        _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try connection.retryingTransactionFailures(maxAttempts: maxAttempts) {
                try connection.inTransaction(isolation: isolation, body)
            }
        }
    }
}

extension Connection {
    /// Runs `transaction` (a whole transaction, nothing else) again after a failure that
    /// ``DatabaseError/isRetryableTransactionFailure``, at most `maxAttempts` times in all, after a short random pause.
    @discardableResult
    public func retryingTransactionFailures<T>(maxAttempts: Int = 5, _ transaction: () throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction()
            } catch let error as DatabaseError where error.isRetryableTransactionFailure && attempt < maxAttempts {
                logger.debug("Retrying transaction", metadata: ["sqlstate": "\(error.sqlState?.rawValue ?? "")"])
                usleep(UInt32(1_000 << min(attempt, 4)) + UInt32.random(in: 0..<1_000))
                attempt += 1
            }
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT` on this connection; `ROLLBACK` when it throws.
    func inTransaction<T>(isolation: IsolationLevel, _ body: (Connection) throws -> T) throws -> T {
        try query(SQL(unsafe: "BEGIN ISOLATION LEVEL \(isolation.rawValue)"))
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        try commit()  // a failed COMMIT ends the transaction itself
        return value
    }

    /// `COMMIT`. PostgreSQL answers the `COMMIT` of a transaction that a failed statement
    /// aborted with `ROLLBACK`, not an error: a body that caught that statement's error and
    /// returned would pass for committed, so this throws 25P02 then.
    private func commit() throws(DatabaseError) {
        statementsSinceLease += 1
        guard let result = PQexec(handle, "COMMIT") else {
            throw DatabaseError(
                code: .connectionFailure, message: Self.trimmedMessage(PQerrorMessage(handle)), query: "COMMIT")
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw error(from: result, query: "COMMIT") }
        guard String(cString: PQcmdStatus(result)) == "COMMIT" else {
            throw DatabaseError(
                code: .server, sqlState: .inFailedTransaction,
                message: "The transaction was rolled back: one of its statements failed", query: "COMMIT")
        }
    }

    private func rollbackQuietly() {
        do {
            try query("ROLLBACK")
        } catch {
            logger.debug("ROLLBACK failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
