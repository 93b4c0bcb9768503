import ArgumentParser
import Database
import Door
import Foundation
import Hummingbird
import Logging
import Outbound
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

    @Option(help: "Port to listen on (0: a free one the system picks). Default: $PRAXIS_PORT, else 8080.")
    var port: Int?

    @Option(
        help:
            "A file to write the port listened on to, once listening (replaced whole): how a script learns the port --port 0 picked."
    )
    var portFile: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical. Default: $PRAXIS_LOG_LEVEL, else info.")
    var logLevel: Logger.Level?

    @Option(
        help:
            "Seconds a database statement may run before it is cancelled (503 to the caller). Default: $PRAXIS_STATEMENT_TIMEOUT, else 30."
    )
    var statementTimeout: Double?

    @Option(
        help:
            "Seconds a request may take to arrive whole after its head (a slower one's connection is closed), and a connection may wait idle for its next request. Default: $PRAXIS_REQUEST_TIMEOUT, else 30."
    )
    var requestTimeout: Double?

    @Option(
        help:
            "Seconds a delivery (e-mail, webhook call) stays claimed by this process without a heartbeat; another process takes over a dead one's after it. Default: $PRAXIS_DELIVERY_LEASE, else 60."
    )
    var deliveryLease: Double?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var reads: ReadOptions

    func validate() throws {
        if let port, !(0...65_535).contains(port) {
            throw ValidationError("--port (\(port)) must be between 0 and 65535.")
        }
        if let portFile { try Self.checkWritable(portFile) }
    }

    /// Refuses, before anything starts, a port file that could not be written once the server listens: a
    /// folder, or a file in a folder that is missing or read-only (a script waiting for the port would wait in
    /// vain).
    private static func checkWritable(_ path: String) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--port-file (\(path)) is a folder; name a file.")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            files.isWritableFile(atPath: folder)
        else { throw ValidationError("--port-file (\(path)): the folder \(folder) is missing or cannot be written.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = logLevel ?? environment["PRAXIS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = bootstrapLogging(level: level)
        guard let port = port ?? Int(environment["PRAXIS_PORT"] ?? "8080") else {
            throw ValidationError("PRAXIS_PORT (\(environment["PRAXIS_PORT"] ?? "")) is not a port number.")
        }
        let configuration = AppConfiguration(
            host: host ?? environment["PRAXIS_HOST"] ?? "127.0.0.1", port: port, logLevel: level,
            requestTimeout: try Self.seconds(requestTimeout, "request-timeout", environment))
        let security = SecurityConfiguration.fromEnvironment(environment)
        let migrations = try Migration.load(from: database.migrationsDirectory)
        var databaseConfiguration = database.databaseConfiguration
        databaseConfiguration.statementTimeout = try Self.seconds(statementTimeout, "statement-timeout", environment)
        let pool = Database(
            configuration: databaseConfiguration,
            replica: try reads.replica(like: databaseConfiguration, logger: logger), logger: logger)
        // the use cases are built once: the API, the pages and the jobs call the same instances
        let services = Services(database: pool, migrations: migrations, settings: security.services)
        let app = buildApplication(configuration, services: services, security: security) { [portFile] port in
            guard let portFile else { return }
            do {
                try OutputFile(path: portFile).write(Data("\(port)\n".utf8))
            } catch {
                logger.error("could not write the port to \(portFile): \(error)")
            }
        }
        let worker = PlanWorker(
            database: pool,
            configuration: try PlanWorkerConfiguration(environment: environment, inFlight: { RequestsInFlight.count }),
            logger: logger)
        let mail: MailConfiguration?
        do { mail = try MailConfiguration.fromEnvironment(environment) } catch { throw ValidationError("\(error)") }
        let lease = try Self.seconds(deliveryLease, "delivery-lease", environment, default: 60)
        let deliveries = DeliveryWorker(
            database: pool,
            configuration: DeliveryWorkerConfiguration(mail: mail, lease: lease, heartbeatInterval: lease / 6),
            logger: logger)
        // stopped in reverse order: the workers first (the planner's search ends early, the best
        // proposal is kept; a delivery under way finishes), then the server drains its requests,
        // then the pool closes
        try await ServiceGroup(
            services: [DatabaseService(database: pool), app, worker, deliveries],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ).run()
    }
}

extension Serve {
    /// A duration from its option `--NAME`, else its variable `PRAXIS_NAME`, else `fallback` seconds.
    /// - Throws: `ValidationError` unless it is between 0.001 and 3600 seconds.
    static func seconds(
        _ option: Double?, _ name: String, _ environment: [String: String], default fallback: Double = 30
    ) throws -> Duration {
        let variable = "PRAXIS_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        guard let seconds = option ?? Double(environment[variable] ?? "\(fallback)"), (0.001...3600).contains(seconds)
        else {
            throw ValidationError("--\(name) or \(variable) must be between 0.001 and 3600 seconds.")
        }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }
}

/// Keeps the pool open while the server runs and closes it on graceful shutdown. Listed before
/// the server, so the service group stops it after the server has finished its requests.
struct DatabaseService: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
