/// Where the database is and how many connections to keep.
public struct DatabaseConfiguration: Sendable {
    /// A libpq connection string or `postgresql://` URI. Empty: libpq reads `PGHOST`, `PGPORT`,
    /// `PGUSER`, `PGDATABASE`, `PGPASSWORD` and its defaults.
    public var conninfo: String
    /// The pool's bound: at most this many connections (and database threads).
    public var maxConnections: Int
    /// How the connections name themselves in `pg_stat_activity`.
    public var applicationName: String

    public init(conninfo: String = "", maxConnections: Int = 8, applicationName: String = "praxis") {
        self.conninfo = conninfo
        self.maxConnections = maxConnections
        self.applicationName = applicationName
    }

    /// Reads `DATABASE_URL` when set; otherwise leaves everything to libpq's `PG*` variables.
    public static func fromEnvironment(
        _ environment: [String: String],
        maxConnections: Int = 8
    ) -> DatabaseConfiguration {
        DatabaseConfiguration(conninfo: environment["DATABASE_URL"] ?? "", maxConnections: maxConnections)
    }
}
