import Access
import Domain
import Foundation
import Hummingbird
import Planning
import Service

extension PlannerPages {
    /// `GET /ui/plans/{id}/publish`: what publishing the run would change for whom (per organization:
    /// sessions added, moved, removed, displaced to a make-up; the instructors and classes involved) and the button that
    /// publishes it (`POST /ui/plans/{id}/publish`).
    func publishPage(_ request: Request, _ context: some PageContext) async throws -> Response {
        let (center, plan) = try await plan(context)
        let reader = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        var values: [String: Any] = ["id": plan.id.uuidString.lowercased(), "centerName": center.name]
        guard let result = plan.result, plan.status == .succeeded, result.score.feasible else {
            values["notPublishable"] = true
            return renderer.page("planpublish", frame, values, status: .conflict)
        }
        let requests = try await services.requests.requests(
            in: center.id, state: nil, category: nil, page: Page(limit: 500), as: reader)
        let organizationOf = Dictionary(requests.map { ($0.id, $0.organizationId) }, uniquingKeysWith: { a, _ in a })
        let changes = PlanChanges(result) { organizationOf[$0] }
        let organizations = Dictionary(
            try await services.organizations.organizations(kind: nil, page: Page(limit: 500), as: reader).map {
                ($0.id, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        let instructors = Dictionary(
            try await services.organizations.instructors(of: center.id, page: Page(limit: 500), as: reader).map {
                ($0.id, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        var cohorts: [UUID: String] = [:]
        for share in changes.shares where !share.cohortIds.isEmpty {
            for cohort in try await services.organizations.cohorts(
                of: share.organizationId, page: Page(limit: 500), as: reader)
            {
                cohorts[cohort.id] = cohort.name
            }
        }
        let total = changes.total
        values["totals"] = text("publish_totals").replacingOccurrences(of: "{added}", with: "\(total.added)")
            .replacingOccurrences(of: "{moved}", with: "\(total.moved)")
            .replacingOccurrences(of: "{removed}", with: "\(total.removed)")
        if total.displaced > 0 {
            values["displacedTotal"] = text("publish_displacedTotal").replacingOccurrences(
                of: "{n}", with: "\(total.displaced)")
        }
        values["hasShares"] = !changes.shares.isEmpty
        values["shares"] = changes.shares.map { share -> [String: Any] in
            [
                "organization": organizations[share.organizationId] ?? "–",
                "added": share.added, "moved": share.moved, "removed": share.removed, "displaced": share.displaced,
                "instructors": share.instructorIds.compactMap { instructors[$0] }.sorted().joined(separator: ", "),
                "classes": share.cohortIds.compactMap { cohorts[$0] }.sorted().joined(separator: ", "),
            ]
        }
        return renderer.page("planpublish", frame, values)
    }
}
