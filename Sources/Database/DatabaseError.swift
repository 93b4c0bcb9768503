/// An error from the database layer: a server error with its SQLSTATE, a lost connection, or a
/// value that could not be sent or read.
///
/// `description` is safe to show anyone (no SQL, no data); `debugDescription` is complete and
/// meant for logs.
public struct DatabaseError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Base: Sendable, Hashable {
            case server
            case connectionFailure
            case invalidParameter
            case decoding
            case poolClosed
        }

        let base: Base

        /// The server answered the statement with an error (see ``DatabaseError/sqlState``).
        public static let server = Code(base: .server)
        /// The server could not be reached, or the connection broke.
        public static let connectionFailure = Code(base: .connectionFailure)
        /// A bound value cannot be sent (e.g. a NUL character in text).
        public static let invalidParameter = Code(base: .invalidParameter)
        /// A result column did not hold the expected type, or was missing.
        public static let decoding = Code(base: .decoding)
        /// The pool was shut down.
        public static let poolClosed = Code(base: .poolClosed)

        public var description: String { "\(base)" }
    }

    public var code: Code
    /// The five-character SQLSTATE of a server error.
    public var sqlState: SQLState?
    /// The primary message (server message, or ours).
    public var message: String
    /// The server's DETAIL field: may contain data values, never shown to clients as is.
    public var detail: String?
    /// The violated constraint's name, for integrity errors.
    public var constraint: String?
    /// The statement that failed, for logs.
    public var query: String?
    /// A prepared statement whose table changed (0A000) failed inside a transaction block: the
    /// statement is prepared afresh when the transaction runs again.
    public internal(set) var isStaleStatement = false

    public init(
        code: Code,
        sqlState: SQLState? = nil,
        message: String,
        detail: String? = nil,
        constraint: String? = nil,
        query: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
        self.query = query
    }

    public var description: String {
        switch code.base {
        case .server: "Database error \(sqlState?.rawValue ?? "?")"
        case .connectionFailure: "The database is unreachable"
        case .invalidParameter: "A value could not be sent to the database"
        case .decoding: "A database value could not be read"
        case .poolClosed: "The database pool is closed"
        }
    }

    public var debugDescription: String {
        var parts = ["DatabaseError(\(code)", "message: \(message)"]
        if let sqlState { parts.append("sqlState: \(sqlState.rawValue)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        if let detail { parts.append("detail: \(detail)") }
        if let query { parts.append("query: \(query)") }
        return parts.joined(separator: ", ") + ")"
    }

    /// Whether the transaction that hit this error can simply be run again.
    public var isRetryableTransactionFailure: Bool {
        sqlState == .serializationFailure || sqlState == .deadlockDetected || isStaleStatement
    }
}

/// A PostgreSQL SQLSTATE code, with constants for the ones the application reacts to.
public struct SQLState: RawRepresentable, Sendable, Hashable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let exclusionViolation = SQLState(rawValue: "23P01")
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    public static let checkViolation = SQLState(rawValue: "23514")
    public static let notNullViolation = SQLState(rawValue: "23502")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    public static let undefinedTable = SQLState(rawValue: "42P01")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let raiseException = SQLState(rawValue: "P0001")
    public static let featureNotSupported = SQLState(rawValue: "0A000")
    /// A statement cancelled, here by `statement_timeout`.
    public static let queryCanceled = SQLState(rawValue: "57014")
    /// A write refused by a read-only server (a hot standby).
    public static let readOnlyTransaction = SQLState(rawValue: "25006")
    /// A statement (or a `COMMIT`) in a transaction that an earlier failed statement aborted.
    public static let inFailedTransaction = SQLState(rawValue: "25P02")

    /// Class 53: the server is out of disk space, memory or connections.
    public var isInsufficientResources: Bool { rawValue.hasPrefix("53") }

    /// Class 08 (connection exception) and the server-shutdown codes of class 57P.
    public var isConnectionLoss: Bool {
        rawValue.hasPrefix("08") || rawValue.hasPrefix("57P")
    }
}
