import Access
import Domain
import Foundation
import Service

/// An organization's sessions moved to a make-up, as rows of the `displaced` partial: the session,
/// where it was, its make-up and what took its place, in the reader's language.
struct DisplacedRows {
    let dates: DateText
    let strings: Strings

    /// The last displacements of `organizationId` the reader may see.
    func rows(
        of organizationId: UUID, services: PageServices, reader: Principal
    ) async throws -> [[String: String]] {
        try await services.bookings.displacements(organizationId: organizationId, limit: 20, as: reader).map {
            [
                "id": $0.bookingId.uuidString.lowercased(),
                "name": SessionTitle.text($0.title, in: dates.language),
                "was": dates.span($0.wasStart, $0.wasEnd), "makeUp": dates.span($0.makeUpStart, $0.makeUpEnd),
                "by": $0.by.map { strings.text("category_\($0.rawValue)", dates.language) }.joined(separator: ", "),
            ]
        }
    }
}
