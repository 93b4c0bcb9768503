/// Read-your-writes for one client's request: where its reads may run, so a read right after the
/// client's own write (the booking page after booking) never comes from a standby that has not
/// replayed the write yet.
///
/// The edge starts one per request (``current``): a request that may write reads on the primary
/// only (what it decides on must be current); a read-only one carries the marker the client sent
/// back, the log position of its last write, and reads on the standby only once it has replayed
/// that far (``Database/reading(isolation:_:)``).
public struct ReadAfterWrite: Sendable {
    /// The position of the client's last write, from its marker.
    public let position: WALPosition?
    /// Whether every read of the request runs on the primary.
    public let primaryOnly: Bool

    public init(after position: WALPosition?, primaryOnly: Bool = false) {
        self.position = position
        self.primaryOnly = primaryOnly
    }

    /// The request in progress, if the edge started one.
    @TaskLocal public static var current: ReadAfterWrite?
}
