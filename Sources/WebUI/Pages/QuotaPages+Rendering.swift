import Access
import Domain
import Foundation
import Hummingbird
import Service

extension QuotaPages {
    /// The list and the form (adding, or editing when the form carries an `id`).
    func page(
        _ request: Request, _ context: some PageContext, center: Center, uses: [QuotaUse], form: [String: String],
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let resources = try await services.centers.resources(of: center.id, page: try Page(limit: 500), as: principal)
        let organizations = try await services.organizations.organizations(
            kind: nil, page: try Page(limit: 500), as: principal)
        let names = Dictionary(organizations.map { ($0.id, $0.name) }) { first, _ in first }
        let quotaText = QuotaText(
            strings: renderer.strings, language: frame.language,
            resourceNames: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first })
        func options(_ all: [(String, String)], _ chosen: String?) -> [[String: Any]] {
            all.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == chosen] }
        }
        var values: [String: Any] = [
            "centerName": center.name, "errors": errors.values, "hasQuotas": !uses.isEmpty,
            "quotas": uses.map { use -> [String: Any] in
                [
                    "id": use.quota.id.uuidString.lowercased(),
                    "organization": names[use.quota.organizationId] ?? use.quota.organizationId.uuidString,
                    "scope": quotaText.scope(use.quota), "period": text("quota_period_\(use.quota.period.rawValue)"),
                    "hours": use.quota.hours, "used": QuotaUse.text(use.hoursUsed), "left": quotaText.left(use),
                ]
            },
            "organizations": options(
                organizations.map { ($0.id.uuidString.lowercased(), $0.name) }, form["organization"]),
            "categories": options(
                Domain.Category.allCases.map { ($0.rawValue, text("category_\($0.rawValue)")) }, form["category"]),
            "resources": options(resources.map { ($0.id.uuidString.lowercased(), $0.name) }, form["resource"]),
            "periods": options(
                QuotaPeriod.allCases.map { ($0.rawValue, text("quota_period_\($0.rawValue)")) }, form["period"]),
            "capability": form["capability"] ?? "", "hours": form["hours"] ?? "",
        ]
        if let id = form["id"] { values["editing"] = ["id": id, "version": form["version"] ?? "0"] }
        return renderer.page("quotas", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
