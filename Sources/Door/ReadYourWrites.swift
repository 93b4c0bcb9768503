import Database

/// Read-your-writes across one client's requests, for the edges, when reads may go to a standby:
/// a request that may write reads on the primary only and hands the client a marker (the
/// primary's log position after the request); the client sends it back, and its reads go to the
/// standby only once the standby has replayed that far (``Database/reading(isolation:_:)``), else
/// to the primary.
public struct ReadYourWrites: Sendable {
    /// The primary, when it has a standby; `nil`: markers are neither read nor handed out.
    let database: Database?

    init(database: Database) {
        self.database = database.replica == nil ? nil : database
    }

    /// Whether there is a standby.
    public var enabled: Bool { database != nil }

    /// Runs one request's work.
    /// - Parameters:
    ///   - marker: the marker the client sent back; one that is not one of ours is ignored.
    ///   - writes: whether the request may write (any method but GET and HEAD): its reads run on the
    ///     primary, and it answers a new marker.
    /// - Returns: the work's value, and the marker to hand the client.
    public func run<T>(
        after marker: String?, writes: Bool, _ work: () async throws -> T
    ) async throws -> (T, marker: String?) {
        let request = ReadAfterWrite(after: marker.flatMap { WALPosition($0) }, primaryOnly: writes)
        let value = try await ReadAfterWrite.$current.withValue(request) { try await work() }
        guard writes, let database else { return (value, nil) }
        return (value, (try? await database.walInsertPosition())?.description)
    }
}
