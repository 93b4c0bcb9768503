import ArgumentParser
import Database
import Foundation
import Logging

/// `praxis serve`'s hot standby for read-only work.
struct ReadOptions: ParsableArguments {
    @Option(
        name: .customLong("read-database-url"),
        help:
            "A hot standby of the database for read-only work (timetables, listings, reports, feeds, exports). Default: $PRAXIS_READ_DATABASE_URL, else none: everything on the database."
    )
    var readDatabaseURL: String?

    @Option(
        help:
            "Seconds the standby may lag behind the primary before reads go to the primary. Default: $PRAXIS_READ_MAX_LAG, else 10."
    )
    var readMaxLag: Double?

    /// The standby, on a pool like the primary's (its size and statement timeout); `nil` without one.
    /// - Throws: `ValidationError` for a lag outside 0.001…3600 seconds.
    func replica(like primary: DatabaseConfiguration, logger: Logger) throws -> ReadReplica? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = readDatabaseURL ?? environment["PRAXIS_READ_DATABASE_URL"], !url.isEmpty else { return nil }
        var configuration = primary
        configuration.conninfo = url
        configuration.applicationName = primary.applicationName + " reads"
        let lag = try Serve.seconds(
            readMaxLag ?? Double(environment["PRAXIS_READ_MAX_LAG"] ?? "10"), "read-max-lag", environment)
        return ReadReplica(configuration: configuration, maxLag: lag, logger: logger)
    }
}
