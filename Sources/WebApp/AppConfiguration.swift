public import Database
public import Foundation
public import Logging

/// How `praxis serve` runs: where it listens, which database it uses, how much it logs.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    public var database: DatabaseConfiguration
    /// The folder of numbered `.sql` migrations.
    public var migrationsDirectory: URL

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        logLevel: Logger.Level = .info,
        database: DatabaseConfiguration = DatabaseConfiguration(),
        migrationsDirectory: URL = URL(fileURLWithPath: "sql")
    ) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.database = database
        self.migrationsDirectory = migrationsDirectory
    }
}
