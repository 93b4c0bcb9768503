import DequeModule

/// Hands out at most `maxConnections` connections; callers beyond that wait in order.
///
/// The pool never blocks: it only decides who gets which connection. Opening a connection is
/// blocking work, so a caller that receives ``Lease/permit`` opens it on a database thread.
actor ConnectionPool {
    /// What a caller gets: an idle connection, or the right to open a new one.
    enum Lease: Sendable {
        case idle(ConnectionBox)
        case permit

        var isIdle: Bool {
            if case .idle = self { return true }
            return false
        }
    }

    let maxConnections: Int
    private var idle: [ConnectionBox] = []
    private var open = 0
    private var waiters: Deque<CheckedContinuation<Lease, any Error>> = []
    private var closed = false

    init(maxConnections: Int) {
        precondition(maxConnections > 0, "a pool needs at least one connection")
        self.maxConnections = maxConnections
    }

    /// Waits for a connection or a permit to open one.
    /// - Throws: ``DatabaseError`` `.poolClosed` after ``close()``.
    func acquire() async throws -> Lease {
        guard !closed else { throw DatabaseError(code: .poolClosed, message: "The pool is closed") }
        if let box = idle.popLast() { return .idle(box) }
        if open < maxConnections {
            open += 1
            return .permit
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// Returns a healthy connection to the pool.
    func release(_ box: ConnectionBox) {
        if closed {
            open -= 1
        } else if let waiter = waiters.popFirst() {
            waiter.resume(returning: .idle(box))
        } else {
            idle.append(box)
        }
    }

    /// Gives up a slot: the connection broke, or a permit failed to open one.
    func discard() {
        if !closed, let waiter = waiters.popFirst() {
            waiter.resume(returning: .permit)
        } else {
            open -= 1
        }
    }

    /// Drops every idle connection (after the server restarted, say); busy ones are checked on return.
    func drainIdle() {
        open -= idle.count
        idle.removeAll()
    }

    /// Closes the pool: waiters fail, idle connections close; busy ones close when released.
    func close() {
        closed = true
        open -= idle.count
        idle.removeAll()
        while let waiter = waiters.popFirst() {
            waiter.resume(throwing: DatabaseError(code: .poolClosed, message: "The pool is closed"))
        }
    }

    /// Connections currently open (idle or in use).
    var openCount: Int { open }

    /// Connections in use and idle, and callers waiting for one.
    var usage: PoolUsage {
        PoolUsage(inUse: open - idle.count, idle: idle.count, waiting: waiters.count)
    }
}

/// A pool's occupancy at one moment: what the metrics export.
public struct PoolUsage: Sendable, Equatable {
    public var inUse: Int
    public var idle: Int
    public var waiting: Int
}

/// Moves a connection between the pool and the database threads. A connection is only ever used
/// by the one thread that holds its lease, which is what makes this transfer safe.
struct ConnectionBox: @unchecked Sendable {
    let connection: Connection
}
