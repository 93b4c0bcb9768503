import Dates
import Domain
import Hummingbird
import Service
import WebUI

/// A center's reports and the consortium's public report, as JSON or CSV:
/// `GET /centers/{centerId}/reports/{report}?from=&to=&organization=&category=&format=`
/// (`report` = `public` takes `edition=full|public` too).
struct ReportController: Sendable {
    let reports: ReportService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/reports/public") { request, context -> Response in
            let centerId = try context.uuidParameter("centerId")
            let filter = try request.reportFilter()
            let csv = try request.wantsCSV()
            let edition = try request.queryEnum("edition", as: PublicReport.Edition.self) ?? .full
            let report = try await reports.publicReport(
                at: centerId, filter: filter, edition: edition, as: try context.requirePrincipal())
            return csv
                ? try SpreadsheetResponse(
                    file: ReportService.csv(report), kind: "public-report-\(filter.from)-\(filter.to)"
                )
                .response(from: request, context: context)
                : try JSONResponse(value: report).response(from: request, context: context)
        }
        router.get("centers/:centerId/reports/:report") { request, context -> Response in
            let centerId = try context.uuidParameter("centerId")
            let name = context.parameters.get("report") ?? ""
            guard let kind = ReportKind(rawValue: name) else {
                throw ProblemDetails.validation(
                    field: "report", rule: "oneOf",
                    detail: "The report ('\(name)') must be one of public, "
                        + ReportKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let filter = try request.reportFilter()
            let csv = try request.wantsCSV()
            let principal = try context.requirePrincipal()
            let report = try await namingQueryParameters {
                try await reports.report(kind, at: centerId, filter: filter, as: principal)
            }
            return csv
                ? try SpreadsheetResponse(
                    file: ReportService.csv(report), kind: "\(kind.rawValue)-\(filter.from)-\(filter.to)"
                )
                .response(from: request, context: context)
                : try JSONResponse(value: report).response(from: request, context: context)
        }
    }
}
