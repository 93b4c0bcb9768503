/// Where the database is and how many connections to keep.
public struct DatabaseConfiguration: Sendable {
    /// A libpq connection string or `postgresql://` URI. Empty: libpq reads `PGHOST`, `PGPORT`,
    /// `PGUSER`, `PGDATABASE`, `PGPASSWORD` and its defaults.
    public var conninfo: String
    /// The pool's bound: at most this many connections (and database threads).
    public var maxConnections: Int
    /// How the connections name themselves in `pg_stat_activity`.
    public var applicationName: String
    /// The longest a statement may run before the server cancels it (SQLSTATE 57014), so one slow
    /// query cannot hold a connection of the pool; `nil`: no limit (migrations, the CLI's imports).
    public var statementTimeout: Duration?
    /// The connections go through a pooler in transaction mode (PgBouncer's `pool_mode =
    /// transaction`), where consecutive transactions of one connection may run on different server
    /// sessions: no statement is prepared on the server and no settings are sent at startup (the
    /// pooler refuses libpq's `options`); the pooler's database entry must give the sessions
    /// `TimeZone` UTC and `DateStyle` ISO (checked on connecting) and the statement timeout
    /// (docs/scale-out.md).
    public var transactionPooling: Bool

    public init(
        conninfo: String = "", maxConnections: Int = 8, applicationName: String = "praxis",
        statementTimeout: Duration? = nil, transactionPooling: Bool = false
    ) {
        self.conninfo = conninfo
        self.maxConnections = maxConnections
        self.applicationName = applicationName
        self.statementTimeout = statementTimeout
        self.transactionPooling = transactionPooling
    }

    /// The server settings every connection starts with (libpq's `options`); none through a
    /// transaction pooler.
    var serverOptions: String {
        guard !transactionPooling else { return "" }
        var options = "-c DateStyle=ISO -c TimeZone=UTC -c client_min_messages=warning -c jit=off"
        if let statementTimeout {
            options += " -c statement_timeout=\(max(1, Int((statementTimeout / .milliseconds(1)).rounded(.up))))"
        }
        return options
    }

    /// Reads `DATABASE_URL` when set (otherwise leaves everything to libpq's `PG*` variables), and
    /// `PRAXIS_DATABASE_POOLER=transaction` for ``transactionPooling``.
    public static func fromEnvironment(
        _ environment: [String: String],
        maxConnections: Int = 8
    ) -> DatabaseConfiguration {
        DatabaseConfiguration(
            conninfo: environment["DATABASE_URL"] ?? "", maxConnections: maxConnections,
            transactionPooling: environment["PRAXIS_DATABASE_POOLER"] == "transaction")
    }
}
