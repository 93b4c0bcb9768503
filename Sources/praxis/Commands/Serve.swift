import ArgumentParser
import Database
import Foundation
import Hummingbird
import Logging
import Planning
import ServiceLifecycle
import UnixSignals
import WebApp

/// `praxis serve`: the HTTP API on a host and port, until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API and UI.",
        discussion: "Stops gracefully on SIGTERM or SIGINT: in-flight requests finish, then the pool closes.")

    @Option(help: "Address to listen on. Default: $PRAXIS_HOST, else 127.0.0.1.")
    var host: String?

    @Option(help: "Port to listen on. Default: $PRAXIS_PORT, else 8080.")
    var port: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical. Default: $PRAXIS_LOG_LEVEL, else info.")
    var logLevel: Logger.Level?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(0...65_535).contains(port) {
            throw ValidationError("--port (\(port)) must be between 0 and 65535.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = logLevel ?? environment["PRAXIS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = bootstrapLogging(level: level)
        guard let port = port ?? Int(environment["PRAXIS_PORT"] ?? "8080") else {
            throw ValidationError("PRAXIS_PORT (\(environment["PRAXIS_PORT"] ?? "")) is not a port number.")
        }
        let configuration = AppConfiguration(
            host: host ?? environment["PRAXIS_HOST"] ?? "127.0.0.1",
            port: port,
            logLevel: level,
            database: database.databaseConfiguration,
            migrationsDirectory: database.migrationsDirectory
        )
        let pool = Database(configuration: configuration.database, logger: logger)
        let app = try buildApplication(configuration, database: pool)
        // the planner worker stops first (its search ends early, the best proposal is kept), then the server
        let worker = PlanWorker(database: pool, logger: logger)
        try await ServiceGroup(services: [app, worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            .run()
    }
}
