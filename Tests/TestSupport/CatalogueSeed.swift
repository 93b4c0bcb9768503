import Access
public import Database
import Domain
public import Foundation
import Service

extension TestDatabase {
    /// Adds capability tags to a center's catalogue through the use case, as the system: what a
    /// center's resources, instructors and requests may name (labels are the tag, the kind equipment).
    public static func catalogue(_ tags: [String], in centerId: UUID, on database: Database) async throws {
        let service = CatalogueService(database: database)
        for tag in tags {
            _ = try await service.add(
                NewCatalogueEntry(tag: tag, labelZh: tag, labelEn: tag, kind: .equipment), to: centerId, as: .system)
        }
    }
}
