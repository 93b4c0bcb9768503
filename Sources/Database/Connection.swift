import CLibPQ
import Foundation
import Logging

/// One libpq connection (`PGconn`). Blocking: use it only on a database thread, never on the Swift
/// concurrency pool. ``Database`` hands connections to closures running on its own threads.
public final class Connection {
    let handle: OpaquePointer
    let logger: Logger
    /// Statements sent since the pool last handed this connection out.
    var statementsSinceLease = 0
    /// Server-side prepared statements by text and parameter types: each distinct statement is
    /// parsed and planned once per connection, then only executed.
    var prepared: [PreparedKey: String] = [:]
    private var statementsPrepared = 0
    /// Statements forgotten inside a failed transaction block, where `DEALLOCATE` is refused: they
    /// are deallocated by the next ``query(_:)`` outside one.
    private var staleStatements: [String] = []
    /// Whether statements are prepared on the server (not through a transaction pooler).
    let prepares: Bool

    /// The most statements one connection keeps prepared; beyond it statements run unprepared.
    static let preparedLimit = 256

    struct PreparedKey: Hashable {
        let text: String
        let types: [UInt32]

        init(_ sql: SQL) {
            (text, types) = (sql.text, sql.binds.map(\.typeOID))
        }
    }

    /// Opens a connection.
    /// - Parameters:
    ///   - conninfo: a libpq connection string or `postgresql://` URI; empty means libpq's
    ///     `PG*` environment variables and defaults.
    ///   - applicationName: the name shown in `pg_stat_activity`.
    ///   - options: server settings for the session (libpq's `options`, e.g. `-c TimeZone=UTC`).
    ///   - pooled: through a transaction pooler: nothing prepared on the server, and the session's
    ///     `TimeZone` and `DateStyle` checked, since the pooler gives them.
    /// - Throws: ``DatabaseError`` with code `.connectionFailure`.
    init(
        conninfo: String, applicationName: String, options: String, pooled: Bool = false, logger: Logger
    ) throws(DatabaseError) {
        let keywords: [String?] = ["dbname", "options", "application_name", "client_encoding", "connect_timeout"]
        let values: [String?] = [conninfo, options, applicationName, "UTF8", "5"]
        // Both arrays end with a null pointer, as libpq requires.
        let connection = withOptionalCStringArray(keywords + [nil]) { keywordPointers in
            withOptionalCStringArray(values + [nil]) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw DatabaseError(code: .connectionFailure, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmedMessage(PQerrorMessage(connection))
            PQfinish(connection)
            throw DatabaseError(code: .connectionFailure, message: message)
        }
        self.handle = connection
        self.logger = logger
        self.prepares = !pooled
        PQsetNoticeProcessor(
            connection,
            { context, message in
                guard let context, let message else { return }
                let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
                connection.logger.warning("\(Connection.trimmedMessage(message))", metadata: ["db": "notice"])
            }, Unmanaged.passUnretained(self).toOpaque())
        if pooled { try checkPooledSettings() }
    }

    /// Refuses a pooled session whose time zone is not UTC or whose dates are not ISO: the pooler's
    /// database entry must set `timezone=UTC datestyle=ISO`.
    private func checkPooledSettings() throws(DatabaseError) {
        let row = try query(
            """
            SELECT current_setting('TimeZone') IN ('UTC', 'Etc/UTC') AND current_setting('DateStyle') LIKE 'ISO%' AS fit
            """
        ).first
        guard try row?.decode("fit", as: Bool.self) == true else {
            throw DatabaseError(
                code: .connectionFailure,
                message: "Through the pooler the session's TimeZone must be UTC and its DateStyle ISO; "
                    + "set timezone=UTC datestyle=ISO in the pooler's database entry")
        }
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether the connection is known to be unusable; reads any pending input first, so a
    /// connection the server closed while it sat idle is noticed before it is used.
    var isBroken: Bool {
        PQconsumeInput(handle) == 0 || PQstatus(handle) != CONNECTION_OK
    }

    /// Runs one statement with bound parameters and returns its rows.
    /// - Throws: ``DatabaseError``: `.server` with SQLSTATE, `.connectionFailure`, or
    ///   `.invalidParameter` when a text value contains NUL (PostgreSQL text cannot hold it).
    @discardableResult
    public func query(_ sql: SQL) throws(DatabaseError) -> Rows {
        try Self.checkBinds(of: sql)
        if !staleStatements.isEmpty { deallocateStaleStatements() }
        statementsSinceLease += 1
        let key = PreparedKey(sql)
        let values = sql.binds.map(\.text)
        guard let name = try preparedName(for: key) else {
            let result = withOptionalCStringArray(values) {
                PQexecParams(handle, key.text, Int32(values.count), key.types, $0, nil, nil, 0)
            }
            return try consume(result, query: key.text)
        }
        let result = withOptionalCStringArray(values) {
            PQexecPrepared(handle, name, Int32(values.count), $0, nil, nil, 0)
        }
        do {
            return try consume(result, query: key.text)
        } catch  where error.sqlState == .featureNotSupported {
            // "cached plan must not change result type": a table changed under the statement
            forget(key, name: name)
            try throwIfTransactionAborted(error)
            let retry = withOptionalCStringArray(values) {
                PQexecParams(handle, key.text, Int32(values.count), key.types, $0, nil, nil, 0)
            }
            return try consume(retry, query: key.text)
        }
    }

    /// Refuses a statement whose text parameters contain NUL (PostgreSQL text cannot hold it).
    static func checkBinds(of sql: SQL) throws(DatabaseError) {
        for (index, bind) in sql.binds.enumerated() where bind.text?.utf8.contains(0) == true {
            throw DatabaseError(
                code: .invalidParameter,
                message: "Parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot store",
                query: sql.text
            )
        }
    }

    /// The name of the statement prepared for `key`, preparing it now if there is room.
    private func preparedName(for key: PreparedKey) throws(DatabaseError) -> String? {
        if let name = prepared[key] { return name }
        guard let name = freshPreparedName(reserving: 0) else { return nil }
        try consume(PQprepare(handle, name, key.text, Int32(key.types.count), key.types), query: key.text)
        prepared[key] = name
        return name
    }

    /// A new statement name while fewer than ``preparedLimit`` are prepared (`reserving` more
    /// are on their way); `nil` when the statement should run unprepared.
    func freshPreparedName(reserving pending: Int) -> String? {
        guard prepares, prepared.count + pending < Self.preparedLimit else { return nil }
        statementsPrepared += 1
        return "praxis_\(statementsPrepared - 1)"
    }

    func forget(_ key: PreparedKey, name: String) {
        prepared[key] = nil
        staleStatements.append(name)
        if PQtransactionStatus(handle) == PQTRANS_IDLE { deallocateStaleStatements() }
    }

    /// Deallocates the statements forgotten inside a failed transaction block, once outside one.
    private func deallocateStaleStatements() {
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else { return }
        for name in staleStatements { PQclear(PQexec(handle, "DEALLOCATE \"\(name)\"")) }
        staleStatements.removeAll()
    }

    /// Rethrows `error` (a statement whose table changed, 0A000) as one that re-runs the whole
    /// transaction when it aborted an open transaction block: sent again there, the statement
    /// would only meet 25P02.
    func throwIfTransactionAborted(_ error: DatabaseError) throws(DatabaseError) {
        guard PQtransactionStatus(handle) == PQTRANS_INERROR else { return }
        var stale = error
        stale.isStaleStatement = true
        throw stale
    }

    /// Runs a script of one or more statements without parameters (migrations).
    public func execute(script: String) throws(DatabaseError) {
        if script.utf8.contains(0) {
            throw DatabaseError(code: .invalidParameter, message: "The script contains a NUL character")
        }
        statementsSinceLease += 1
        try consume(PQexec(handle, script), query: script)
    }

    @discardableResult
    func consume(_ result: OpaquePointer?, query: String) throws(DatabaseError) -> Rows {
        guard let result else {
            throw DatabaseError(
                code: .connectionFailure, message: Self.trimmedMessage(PQerrorMessage(handle)), query: query)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Rows(columns: [], values: [], affectedRows: Self.affectedRows(result))
        case PGRES_TUPLES_OK:
            return Self.rows(of: result)
        default:
            throw error(from: result, query: query)
        }
    }

    func error(from result: OpaquePointer, query: String) -> DatabaseError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let sqlState = field(Int32(CLIBPQ_PG_DIAG_SQLSTATE)).map(SQLState.init(rawValue:))
        let lost = PQstatus(handle) != CONNECTION_OK || sqlState?.isConnectionLoss == true
        return DatabaseError(
            code: lost ? .connectionFailure : .server,
            sqlState: sqlState,
            message: field(Int32(CLIBPQ_PG_DIAG_MESSAGE_PRIMARY)) ?? Self.trimmedMessage(PQerrorMessage(handle)),
            detail: field(Int32(CLIBPQ_PG_DIAG_MESSAGE_DETAIL)),
            constraint: field(Int32(CLIBPQ_PG_DIAG_CONSTRAINT_NAME)),
            query: query
        )
    }

    static func rows(of result: OpaquePointer) -> Rows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var values: [[String?]] = []
        values.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            values.append(
                (0..<Int32(columnCount)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            )
        }
        return Rows(columns: columns, values: values, affectedRows: rowCount)
    }

    static func affectedRows(_ result: OpaquePointer) -> Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    static func trimmedMessage(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Calls `body` with a C array of C strings where `nil` stays a null pointer (SQL `NULL`).
func withOptionalCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let duplicates = strings.map { $0.map { strdup($0) } ?? nil }
    defer { duplicates.forEach { free($0) } }
    return body(duplicates.map { $0.map { UnsafePointer($0) } })
}
