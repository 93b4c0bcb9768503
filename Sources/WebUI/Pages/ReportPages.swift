import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/reports`: the chooser (period, organization, category); `/ui/reports/{report}` one
/// report with its charts and tables, printable; `/ui/reports/{report}/csv` its spreadsheet;
/// `/ui/reports/public` the consortium's public report (see ``PublicReportPage``).
struct ReportPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("reports") { request, context in
            let principal = try context.reader()
            let center = try await services.center(for: principal)
            let frame = PageFrame(request, context: context)
            let query = try await chooser(
                request, center: center, principal: principal, text: { renderer.strings.text($0, frame.language) })
            return renderer.page(
                "reports", frame,
                query.merging([
                    "reports": ReportKind.allCases.map {
                        [
                            "kind": $0.rawValue,
                            "name": renderer.strings.text("reports_kind_\($0.rawValue)", frame.language),
                        ]
                    }
                ]) { $1 })
        }
        router.get("reports/:report") { request, context in
            let principal = try context.reader()
            let center = try await services.center(for: principal)
            let name = context.parameters.get("report") ?? ""
            if name == "public" {
                return try await PublicReportPage(services: services, renderer: renderer).page(
                    request, context: context, center: center, principal: principal)
            }
            guard let kind = ReportKind(rawValue: name) else { throw PageError.notFound }
            let filter = try Self.filter(request, center: center)
            let report = try await services.reports.report(kind, at: center.id, filter: filter, as: principal)
            let frame = PageFrame(request, context: context)
            let view = ReportView(table: renderer.strings.table(frame.language))
            return renderer.page(
                "report", frame,
                [
                    "kind": kind.rawValue,
                    "name": renderer.strings.text("reports_kind_\(kind.rawValue)", frame.language),
                    "center": center.name,
                    "from": filter.from.description, "to": filter.to.description,
                    "category": filter.category.map { renderer.strings.text("category_\($0.rawValue)", frame.language) }
                        ?? "",
                    "query": Self.query(filter), "charts": view.charts(report),
                    "sections": report.sections.filter { $0.key != "heatMap" }.map(view.section),
                    "definition": renderer.strings.text("reports_about_\(kind.rawValue)", frame.language),
                ])
        }
        router.get("reports/:report/csv") { request, context in
            let principal = try context.reader()
            let center = try await services.center(for: principal)
            let filter = try Self.filter(request, center: center)
            let name = context.parameters.get("report") ?? ""
            if name == "public" {
                let edition =
                    Form(encoded: request.uri.query ?? "")["edition"].flatMap(PublicReport.Edition.init(rawValue:))
                    ?? .public
                let report = try await services.reports.publicReport(
                    at: center.id, filter: filter, edition: edition, as: principal)
                return SpreadsheetResponse(
                    file: ReportService.csv(report), kind: "public-report-\(filter.from)-\(filter.to)")
            }
            guard let kind = ReportKind(rawValue: name) else { throw PageError.notFound }
            let report = try await services.reports.report(kind, at: center.id, filter: filter, as: principal)
            return SpreadsheetResponse(
                file: ReportService.csv(report), kind: "\(kind.rawValue)-\(filter.from)-\(filter.to)")
        }
    }

    /// The chooser's fields: the period (the last 12 weeks by default), organizations, categories.
    private func chooser(
        _ request: Request, center: Center, principal: Principal, text: (String) -> String
    ) async throws -> [String: Any] {
        let filter = try Self.filter(request, center: center)
        let organizations = try await services.organizations.organizations(
            kind: nil, page: Page(limit: 500), as: principal)
        return [
            "from": filter.from.description, "to": filter.to.description, "query": Self.query(filter),
            "organizations": organizations.map {
                ["id": $0.id.uuidString.lowercased(), "name": $0.name, "selected": $0.id == filter.organizationId]
            },
            "categories": Domain.Category.allCases.map {
                ["value": $0.rawValue, "name": text("category_\($0.rawValue)"), "selected": $0 == filter.category]
            },
        ]
    }

    /// The filter of a page's query: `from` and `to` (default: the twelve weeks up to today),
    /// `organization`, `category` (empty: all).
    /// - Throws: ``ServiceError/invalid(_:)`` for a period the reports refuse.
    static func filter(_ request: Request, center: Center) throws -> ReportFilter {
        let query = Form(encoded: request.uri.query ?? "")
        let to = query["to"].flatMap(CalendarDate.init(iso:)) ?? center.today()
        let from = query["from"].flatMap(CalendarDate.init(iso:)) ?? to.adding(days: -83)
        do throws(DomainError) {
            return try ReportFilter(
                from: from, to: to, organizationId: query["organization"].flatMap(UUID.init(uuidString:)),
                category: query["category"].flatMap(Domain.Category.init(rawValue:)))
        } catch {
            throw ServiceError.invalid(error)
        }
    }

    /// The query string that asks for `filter` again (for links to other reports and the CSV).
    static func query(_ filter: ReportFilter) -> String {
        var items = ["from=\(filter.from)", "to=\(filter.to)"]
        if let id = filter.organizationId { items.append("organization=\(id.uuidString.lowercased())") }
        if let category = filter.category { items.append("category=\(category.rawValue)") }
        return items.joined(separator: "&")
    }
}
