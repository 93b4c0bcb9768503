import NIOConcurrencyHelpers

/// Read-your-writes for one client's request: the log position its reads must see, so a read
/// right after the client's own write (the booking page after booking) never comes from a standby
/// that has not replayed the write yet.
///
/// The edge starts one per request (``current``) from the marker the client sent back, the
/// position of its last write; every transaction the request commits moves it on. Reads of the
/// request (``Database/reading(isolation:_:)``) go to the standby only when it has replayed this
/// far; the edge hands ``position`` back to the client as its next marker.
public final class ReadAfterWrite: Sendable {
    private let state: NIOLockedValueBox<(position: WALPosition?, wrote: Bool)>

    /// - Parameter position: the position of the client's last write, from its marker.
    public init(after position: WALPosition?) {
        state = NIOLockedValueBox((position, false))
    }

    /// The request in progress, if the edge started one.
    @TaskLocal public static var current: ReadAfterWrite?

    /// The position a read of this request must see.
    public var position: WALPosition? {
        state.withLockedValue { $0.position }
    }

    /// Whether this request committed a transaction (so the client needs a new marker).
    public var wrote: Bool {
        state.withLockedValue { $0.wrote }
    }

    /// Records a commit of this request at `position`.
    func committed(at position: WALPosition) {
        state.withLockedValue { state in
            state.position = max(state.position ?? position, position)
            state.wrote = true
        }
    }
}
