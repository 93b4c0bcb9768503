public import ArgumentParser
import Database
import Foundation
public import Logging

/// Options shared by every command that talks to the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "A postgresql:// URI or libpq connection string. Default: $DATABASE_URL, else libpq's PG* variables.")
    var databaseURL: String?

    @Option(help: "The folder of numbered .sql migrations. Default: $PRAXIS_MIGRATIONS, else ./sql.")
    var migrations: String?

    @Option(help: "Database connections to keep at most.")
    var maxConnections: Int = 8

    func validate() throws {
        guard (1...256).contains(maxConnections) else {
            throw ValidationError("--max-connections (\(maxConnections)) must be between 1 and 256.")
        }
    }

    var databaseConfiguration: DatabaseConfiguration {
        let environment = ProcessInfo.processInfo.environment
        var configuration = DatabaseConfiguration.fromEnvironment(environment, maxConnections: maxConnections)
        if let databaseURL { configuration.conninfo = databaseURL }
        return configuration
    }

    var migrationsDirectory: URL {
        URL(fileURLWithPath: migrations ?? ProcessInfo.processInfo.environment["PRAXIS_MIGRATIONS"] ?? "sql")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Sets up swift-log once: to standard error, at the given level.
func bootstrapLogging(level: Logger.Level) -> Logger {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    var logger = Logger(label: "praxis")
    logger.logLevel = level
    return logger
}
