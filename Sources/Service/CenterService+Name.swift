public import Access
import Database
public import Domain
import Repositories

extension CenterService {
    /// The center with this name (names are unique), as ``center(_:as:)`` answers it.
    /// - Throws: `.notFound` when there is none or the caller may not know of it.
    public func center(named name: String, as caller: Principal) async throws -> Center {
        let centers = centers
        guard let id = try await database.withConnection({ try centers.id(named: name, on: $0) }) else {
            throw ServiceError.notFound(entity: "center")
        }
        return try await center(id, as: caller)
    }
}
