public import Access
import Database
public import Domain
public import Foundation

/// One request of a bulk decision, at the version the manager saw.
public struct RequestDecision: Sendable, Equatable {
    public let id: UUID
    public let version: Int

    public init(id: UUID, version: Int) {
        self.id = id
        self.version = version
    }
}

extension RequestService {
    /// The most requests one bulk decision takes.
    public static let bulkLimit = 200

    /// Moves several requests to one state with one reason, all or nothing: in ONE transaction,
    /// each request locked (in id order, so two bulk decisions cannot deadlock), authorized,
    /// checked at its version and audited as ``move(_:to:reason:version:as:)`` would; the first
    /// refusal undoes every step taken before it.
    /// - Returns: the requests moved, in the order given.
    /// - Throws: ``ServiceError``: `.invalid` for no request, too many, a duplicate or a missing
    ///   reason (`reason`, `required`); otherwise the first refusal of one request, as the single
    ///   move answers it (its conflict names the request).
    public func move(
        _ decisions: [RequestDecision], to state: RequestState, reason: String?, as caller: Principal
    ) async throws -> [Request] {
        guard !decisions.isEmpty else { throw Self.invalid("requests", "required", "Choose at least one request.") }
        guard decisions.count <= Self.bulkLimit else {
            throw Self.invalid("requests", "max", "At most \(Self.bulkLimit) requests can be decided at once.")
        }
        guard Set(decisions.map(\.id)).count == decisions.count else {
            throw Self.invalid("requests", "unique", "A request is chosen twice.")
        }
        let reason = try Self.validatedReason(reason, for: state)
        return try await database.withTransaction { connection in
            var moved: [UUID: Request] = [:]
            for decision in decisions.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
                moved[decision.id] = try self.move(
                    decision.id, to: state, reason: reason, version: decision.version, on: connection, as: caller)
            }
            return decisions.compactMap { moved[$0.id] }
        }
    }
}
