import Access
import Domain
import Foundation
import Service

/// A coordinator's own organization's requests at a center (the listing use case scopes them to
/// the reader), with their state and the reason when rejected, cancelled or wait-listed.
struct OwnRequests {
    let services: PageServices
    let reader: Principal
    let centerId: UUID
    let strings: Strings
    let language: Language

    func rows(where include: (Domain.Category) -> Bool) async throws -> [[String: Any]] {
        let all = try await services.requests.requests(
            in: centerId, state: nil, category: nil, page: Page(limit: 500), as: reader)
        return all.filter { include($0.category) }.map { request in
            var row: [String: Any] = [
                "title": request.title, "category": strings.text("category_\(request.category.rawValue)", language),
                "state": strings.text("state_\(request.state.rawValue)", language), "stateKey": request.state.rawValue,
                "id": request.id.uuidString.lowercased(),
                "editable": RequestService.editableStates.contains(request.state),
            ]
            if let reason = request.reason { row["reason"] = reason }
            row["placement"] = PlacementView.values(request.placement, language: language)
            return row
        }
    }
}
