public import Logging
import NIOConcurrencyHelpers

/// The hot standby that takes read-only work (`praxis serve --read-database-url`), and the one
/// decision whether a read may run there now: the standby answers, receives the primary's log,
/// lags at most ``maxLag`` and has replayed the request's own writes (``ReadAfterWrite``).
/// Otherwise the read runs on the primary.
public final class ReadReplica: Sendable {
    /// The standby's own pool.
    let database: Database
    /// The most the standby may lag behind its primary before reads go to the primary.
    public let maxLag: Duration
    /// How long reads skip a standby that could not be reached before they try it again.
    let pause: Duration
    private let unreachableUntil = NIOLockedValueBox<ContinuousClock.Instant?>(nil)

    /// - Parameters:
    ///   - configuration: where the standby is, and its pool's size.
    ///   - maxLag: the most the standby may lag before reads go to the primary.
    ///   - pause: how long reads skip a standby that could not be reached.
    public init(
        configuration: DatabaseConfiguration, maxLag: Duration = .seconds(10), pause: Duration = .seconds(5),
        logger: Logger = Logger(label: "praxis.database.standby")
    ) {
        self.database = Database(configuration: configuration, logger: logger)
        self.maxLag = maxLag
        self.pause = pause
    }

    /// What the read database says of itself at the start of every read sent to it.
    public struct Standing: Sendable, Equatable {
        /// Whether it is a standby (a promoted or plain primary is not).
        public var inRecovery: Bool
        /// How far it has replayed the primary's log (a primary: how far it has written).
        public var replayed: WALPosition
        /// How long ago the primary committed the transaction it replays now; zero when it has
        /// replayed all it received.
        public var lag: Duration
        /// Whether it is connected to its primary and receiving the log.
        public var receiving: Bool

        public init(inRecovery: Bool, replayed: WALPosition, lag: Duration, receiving: Bool) {
            (self.inRecovery, self.replayed, self.lag, self.receiving) = (inRecovery, replayed, lag, receiving)
        }

        /// Whether a read that must see `position` may run here.
        public func serves(after position: WALPosition?, maxLag: Duration) -> Bool {
            if inRecovery && (!receiving || lag > maxLag) { return false }
            return position.map { replayed >= $0 } ?? true
        }
    }

    /// Runs `body` on the standby when it serves a read after `position`; `nil` when the read
    /// must go to the primary (the standby is behind, lagging, cut off or unreachable).
    /// - Throws: what `body` throws.
    func read<T: Sendable>(
        after position: WALPosition?, isolation: IsolationLevel?, _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T? {
        if let until = unreachableUntil.withLockedValue({ $0 }), ContinuousClock.now < until { return nil }
        let maxLag = maxLag
        do {
            return try await database.withConnection { connection -> T? in
                guard try Self.standing(on: connection).serves(after: position, maxLag: maxLag) else { return nil }
                guard let isolation else { return try body(connection) }
                return try connection.inTransaction(isolation: isolation, body)
            }
        } catch let error as DatabaseError where error.code == .connectionFailure {
            database.logger.warning(
                "The standby is unreachable; reads go to the primary", metadata: ["error": "\(error)"])
            unreachableUntil.withLockedValue { $0 = ContinuousClock.now + pause }
            return nil
        } catch let error as DatabaseError where error.isRetryableTransactionFailure {
            // a query cancelled by a conflict with recovery, or a statement prepared before a migration
            // reached the standby that aborted the transaction: the primary answers instead
            return nil
        }
    }

    /// The standby's standing now, for readiness.
    /// - Throws: ``DatabaseError`` when it does not answer.
    public func standing() async throws -> Standing {
        try await database.withConnection { try Self.standing(on: $0) }
    }

    static func standing(on connection: Connection) throws -> Standing {
        let row = try connection.query(
            """
            SELECT pg_is_in_recovery() AS in_recovery,
                   COALESCE(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
                                 ELSE pg_current_wal_lsn() END, '0/0')::text AS replayed,
                   CASE WHEN NOT pg_is_in_recovery()
                             OR pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                        ELSE COALESCE(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)
                   END::float8 AS lag,
                   EXISTS (SELECT FROM pg_stat_wal_receiver) AS receiving
            """
        ).first
        guard let row, let replayed = WALPosition(try row.decode("replayed", as: String.self)) else {
            throw DatabaseError(code: .decoding, message: "The standby's position could not be read")
        }
        return Standing(
            inRecovery: try row.decode("in_recovery"), replayed: replayed,
            lag: .milliseconds(Int(max(0, try row.decode("lag", as: Double.self)) * 1000)),
            receiving: try row.decode("receiving"))
    }

    func shutdown() async {
        await database.shutdown()
    }
}
