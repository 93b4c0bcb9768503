import Access
public import Database
import Domain
public import Foundation
public import Repositories

extension CatalogueRepository {
    /// Checks new input's capability or skill tags against the center's catalogue, inside the
    /// caller's transaction: every tag an active entry, or one in `kept` (what the edited object
    /// already carries, retired or not).
    /// - Parameters:
    ///   - tags: each tag with the field that named it (`capabilities/0`, `skills/1/skill`).
    ///   - centerId: the center whose catalogue applies (an instructor's: the center they teach at).
    /// - Throws: ``ServiceError/invalid(_:)`` with rule `catalogue` naming the field.
    public func check(
        _ tags: [(field: String, tag: String)], centerId: UUID, keeping kept: Set<String> = [],
        on connection: Connection
    ) throws {
        guard !tags.isEmpty else { return }
        let current = try catalogue(centerId: centerId, on: connection)
        do { try current.check(tags, keeping: kept) } catch { throw ServiceError.invalid(error) }
    }
}
