public import Logging
import NIOPosix

/// The application's handle on PostgreSQL: a bounded pool of libpq connections whose blocking
/// calls run on threads of its own, one per connection, never on the Swift concurrency pool.
public final class Database: Sendable {
    /// Where and how to connect.
    public let configuration: DatabaseConfiguration
    let logger: Logger
    /// The standby that takes read-only work (``reading(isolation:_:)``), if there is one.
    public let replica: ReadReplica?
    private let pool: ConnectionPool
    private let threads: NIOThreadPool

    /// Creates the pool; connections open lazily, on first use.
    /// - Parameter replica: a hot standby for read-only work; `nil`: every read on this pool.
    public init(
        configuration: DatabaseConfiguration, replica: ReadReplica? = nil,
        logger: Logger = Logger(label: "praxis.database")
    ) {
        self.configuration = configuration
        self.replica = replica
        self.logger = logger
        self.pool = ConnectionPool(maxConnections: configuration.maxConnections)
        self.threads = NIOThreadPool(numberOfThreads: configuration.maxConnections)
        threads.start()
    }

    /// Runs `body` with a connection, on a database thread.
    ///
    /// A connection found broken (the server restarted, the network dropped) is closed and
    /// replaced; the pool recovers by itself once the server is back.
    /// - Throws: whatever `body` throws, or ``DatabaseError``.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let lease = try await pool.acquire()
        let configuration = configuration
        let logger = logger
        let outcome: Result<(T, ConnectionBox), any Error>
        do {
            outcome = .success(
                try await threads.runIfActive {
                    try Self.run(body, lease: lease, configuration: configuration, logger: logger)
                })
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let (value, box)):
            await pool.release(box)
            return value
        case .failure(let failure as LeasedFailure):
            if failure.broken {
                await pool.discard()
            } else {
                await pool.release(failure.box)
            }
            throw failure.error
        case .failure(let error):
            await pool.discard()
            throw error
        }
    }

    /// The pool's connections in use and idle, and callers waiting for one.
    public func poolUsage() async -> PoolUsage {
        await pool.usage
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public func query(_ sql: SQL) async throws -> Rows {
        try await withConnection { try $0.query(sql) }
    }

    /// Closes the pool: new callers fail, idle connections close, threads stop.
    public func shutdown() async {
        await replica?.shutdown()
        await pool.close()
        try? await threads.shutdownGracefully()
    }

    /// Connections currently open; for tests and metrics.
    public var openConnections: Int {
        get async { await pool.openCount }
    }

    /// Runs `body` on the leased connection (opened here when the lease is a permit). A pooled
    /// connection that turns out dead on the body's first statement (the server restarted while
    /// it sat idle) is replaced and the body run once more: nothing of it can have taken effect.
    private static func run<T>(
        _ body: (Connection) throws -> T,
        lease: ConnectionPool.Lease,
        configuration: DatabaseConfiguration,
        logger: Logger
    ) throws -> (T, ConnectionBox) {
        func open() throws -> ConnectionBox {
            ConnectionBox(
                connection: try Connection(
                    conninfo: configuration.conninfo, applicationName: configuration.applicationName,
                    options: configuration.serverOptions, pooled: configuration.transactionPooling,
                    logger: logger))
        }
        var box: ConnectionBox
        if case .idle(let idle) = lease, !idle.connection.isBroken {
            box = idle
        } else {
            box = try open()
        }
        var mayRetry = lease.isIdle
        while true {
            box.connection.statementsSinceLease = 0
            do {
                return (try body(box.connection), box)
            } catch let error as DatabaseError
                where mayRetry && error.code == .connectionFailure && box.connection.statementsSinceLease == 1
            {
                logger.info("Replacing a database connection lost while idle")
                mayRetry = false
                box = try open()
            } catch {
                throw LeasedFailure(error: error, box: box, broken: box.connection.isBroken)
            }
        }
    }
}

/// A failure inside a caller's body, carrying the connection back so the pool can keep it.
private struct LeasedFailure: Error, @unchecked Sendable {
    let error: any Error
    let box: ConnectionBox
    let broken: Bool
}
