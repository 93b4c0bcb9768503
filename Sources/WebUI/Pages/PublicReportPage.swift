import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/reports/public?from=&to=&edition=`: the consortium's public report along the policy's
/// annex, each figure linking to the report rows it was read from; printable. Managers and
/// auditors get the full edition by default, everyone else the public one.
struct PublicReportPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func page<Context: PageContext>(
        _ request: Request, context: Context, center: Center, principal: Principal
    )
        async throws -> Response
    {
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let filter = try ReportPages.filter(request, center: center)
        let asked = Form(encoded: request.uri.query ?? "")["edition"].flatMap(PublicReport.Edition.init(rawValue:))
        let full = (try? Policy(principal).reportReach(centerId: center.id)) == .all
        let edition = asked ?? (full ? .full : .public)
        let report = try await services.reports.publicReport(
            at: center.id, filter: filter, edition: edition, as: principal)
        let period = "from=\(filter.from)&to=\(filter.to)"
        return renderer.page(
            "publicreport", frame,
            [
                "center": center.name, "from": filter.from.description, "to": filter.to.description,
                "query": period, "edition": edition.rawValue, "isFull": edition == .full, "canFull": full,
                "computed": report.indicators.filter(\.isComputed).map { indicator in
                    let source = indicator.source!
                    let category = source.category.map { "&category=\($0.rawValue)" } ?? ""
                    return [
                        "key": indicator.key, "name": text("public_\(indicator.key)"),
                        "value": indicator.value?.reportText ?? "0", "unit": text("public_unit_\(indicator.key)"),
                        "href": "/ui/reports/\(source.report.rawValue)?\(period)\(category)#\(source.section)",
                        "source": text("reports_kind_\(source.report.rawValue)") + " · "
                            + text("reports_section_\(source.section)"),
                    ]
                },
                "uncomputed": report.indicators.filter { !$0.isComputed }.map { ["name": text("public_\($0.key)")] },
                "pilot": report.pilotEnterprises.map { ["name": $0.label, "days": $0.values[0].reportText] },
            ])
    }
}
