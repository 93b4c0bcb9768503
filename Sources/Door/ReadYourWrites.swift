import Database

/// Read-your-writes across one client's requests, for the edges, when reads may go to a standby:
/// a request that wrote hands the client a marker (the log position of its commits); the client
/// sends it back, and its reads go to the standby only once the standby has replayed that far
/// (``Database/reading(isolation:_:)``), else to the primary.
public struct ReadYourWrites: Sendable {
    /// Whether there is a standby: without one, markers are neither read nor handed out.
    public let enabled: Bool

    /// Runs one request's work after the write `marker` names; a marker that is not one of ours is
    /// ignored.
    /// - Returns: the work's value, and the marker to hand the client when the request wrote.
    public func run<T>(after marker: String?, _ work: () async throws -> T) async throws -> (T, marker: String?) {
        let request = ReadAfterWrite(after: marker.flatMap { WALPosition($0) })
        let value = try await ReadAfterWrite.$current.withValue(request) { try await work() }
        return (value, request.wrote ? request.position?.description : nil)
    }
}
