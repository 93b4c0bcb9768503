import CLibPQ

/// A statement and how to read its answer: what ``Connection/pipeline(_:)`` sends, several in one
/// round trip, and reads back in order.
public struct Query<Value> {
    /// The statement.
    public let sql: SQL
    let read: (Rows) throws -> Value

    /// A statement whose rows `read` turns into a value.
    public init(_ sql: SQL, read: @escaping (Rows) throws -> Value) {
        self.sql = sql
        self.read = read
    }
}

extension Query where Value == Void {
    /// A statement run for its effect.
    public init(_ sql: SQL) {
        self.init(sql) { _ in }
    }
}

extension Connection {
    /// Runs one query and reads its answer.
    public func run<Value>(_ query: Query<Value>) throws -> Value {
        try query.read(self.query(query.sql))
    }

    /// Sends every query before reading any answer (libpq's pipeline mode): one round trip
    /// instead of one per statement. Without an explicit `BEGIN` among them the queries are one
    /// transaction: all take effect, or none does and the first failure is thrown.
    ///
    /// No query can use another's answer; statements are prepared (or found prepared) as
    /// ``query(_:)`` does. Meant for a few statements with small answers: the connection blocks
    /// while sending, so statements and answers that together overflow the socket buffers (hundreds
    /// of kilobytes) would stall it.
    /// - Throws: ``DatabaseError`` (the first statement that failed), or what a `read` throws.
    @discardableResult
    public func pipeline<each Value>(_ queries: repeat Query<each Value>) throws -> (repeat each Value) {
        var statements: [SQL] = []
        for query in repeat each queries { statements.append(query.sql) }
        let answers = try exchange(statements)
        var next = 0
        func read<V>(_ query: Query<V>) throws -> V {
            defer { next += 1 }
            return try query.read(answers[next])
        }
        return (repeat try read(each queries))
    }

    /// Sends `statements` in pipeline mode and returns their rows in order. A prepared statement
    /// whose table changed since (0A000) is forgotten and the whole pipeline, which PostgreSQL
    /// rolled back, sent once more (inside a transaction block: the whole transaction re-runs).
    func exchange(_ statements: [SQL]) throws(DatabaseError) -> [Rows] {
        for sql in statements { try Self.checkBinds(of: sql) }
        statementsSinceLease += 1
        do {
            return try exchangeOnce(statements)
        } catch  where error.sqlState == .featureNotSupported {
            try throwIfTransactionAborted(error)
            return try exchangeOnce(statements)
        }
    }

    /// One statement as sent: the key it is prepared under, and whether the pipeline prepares it.
    private struct Sent {
        let key: PreparedKey
        let name: String?
        let preparedHere: Bool
    }

    private func exchangeOnce(_ statements: [SQL]) throws(DatabaseError) -> [Rows] {
        let text = statements.map(\.text).joined(separator: ";\n")
        guard PQenterPipelineMode(handle) == 1 else { throw sendFailure(text) }
        let sent: [Sent]
        let answers: [Rows]
        let failure: DatabaseError?
        do {
            sent = try send(statements, text: text)
            (answers, failure) = try receive(sent, text: text)
        } catch {
            PQexitPipelineMode(handle)  // refused while results are pending: the connection is broken then
            throw error
        }
        PQexitPipelineMode(handle)
        guard let failure else { return answers }
        if failure.sqlState == .featureNotSupported {
            // "cached plan must not change result type": prepare them afresh next time
            for statement in sent where !statement.preparedHere {
                if let name = statement.name { forget(statement.key, name: name) }
            }
        }
        throw failure
    }

    /// Queues every statement (and a Prepare for those not yet prepared), then the Sync.
    private func send(_ statements: [SQL], text: String) throws(DatabaseError) -> [Sent] {
        var sent: [Sent] = []
        var pending: [PreparedKey: String] = [:]
        for sql in statements {
            let key = PreparedKey(sql)
            var name = prepared[key] ?? pending[key]
            var preparedHere = false
            if name == nil, let fresh = freshPreparedName(reserving: pending.count) {
                guard PQsendPrepare(handle, fresh, key.text, Int32(key.types.count), key.types) == 1 else {
                    throw sendFailure(text)
                }
                (name, preparedHere, pending[key]) = (fresh, true, fresh)
            }
            let values = sql.binds.map(\.text)
            let dispatched = withOptionalCStringArray(values) { pointers in
                if let name {
                    PQsendQueryPrepared(handle, name, Int32(values.count), pointers, nil, nil, 0)
                } else {
                    PQsendQueryParams(handle, key.text, Int32(values.count), key.types, pointers, nil, nil, 0)
                }
            }
            guard dispatched == 1 else { throw sendFailure(text) }
            sent.append(Sent(key: key, name: name, preparedHere: preparedHere))
        }
        guard PQpipelineSync(handle) == 1 else { throw sendFailure(text) }
        return sent
    }

    /// Reads every answer up to the Sync's: the statements' rows, and the first failure if any.
    /// Each Prepare and each statement answers with one result and then NULL; after a failure
    /// the rest answer `PGRES_PIPELINE_ABORTED`.
    private func receive(_ sent: [Sent], text: String) throws(DatabaseError) -> ([Rows], DatabaseError?) {
        var answers: [Rows] = []
        var failure: DatabaseError?
        func next(_ query: String) throws(DatabaseError) -> Rows? {
            guard let result = PQgetResult(handle) else { throw sendFailure(query) }
            defer {
                PQclear(result)
                PQclear(PQgetResult(handle))  // the NULL that ends this answer
            }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK:
                return Rows(columns: [], values: [], affectedRows: Self.affectedRows(result))
            case PGRES_TUPLES_OK:
                return Self.rows(of: result)
            case PGRES_PIPELINE_ABORTED:
                return nil
            default:
                failure = failure ?? error(from: result, query: query)
                return nil
            }
        }
        for statement in sent {
            if statement.preparedHere, let name = statement.name, try next(statement.key.text) != nil {
                prepared[statement.key] = name
            }
            if let rows = try next(statement.key.text) { answers.append(rows) }
        }
        let refusedCommit = try readSync(text: text)
        return (answers, failure ?? refusedCommit)
    }

    /// Reads up to the Sync's own answer. An error before it means the implicit transaction did
    /// not commit though every statement answered: a deferred constraint refused it, or the
    /// connection was lost (the server shutting down) before the commit.
    private func readSync(text: String) throws(DatabaseError) -> DatabaseError? {
        var failure: DatabaseError?
        var emptyInARow = 0
        while true {
            guard let result = PQgetResult(handle) else {
                // one NULL ends an error's answer; more, or a closed connection, and no Sync will come
                emptyInARow += 1
                if emptyInARow > 1 || PQstatus(handle) != CONNECTION_OK { throw failure ?? sendFailure(text) }
                continue
            }
            emptyInARow = 0
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC { return failure }
            failure = failure ?? error(from: result, query: text)
        }
    }

    private func sendFailure(_ query: String) -> DatabaseError {
        DatabaseError(code: .connectionFailure, message: Self.trimmedMessage(PQerrorMessage(handle)), query: query)
    }
}
