import Access
import Domain
import Foundation
import Hummingbird
import Service
import WebUI

/// CSV imports: `POST /centers/{id}/imports/{kind}?dryRun=true` with the file as the body.
struct ImportsController: Sendable {
    let imports: ImportService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/imports/:kind") { request, context in
            let centerId = try context.uuidParameter("centerId")
            guard let kind = context.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else {
                throw ProblemDetails.notFound()
            }
            let body = try await request.body.collect(upTo: ImportService.maxBytes)
            let report = try await imports.importFile(
                kind, bytes: Array(body.readableBytesView), center: centerId,
                dryRun: request.queryString("dryRun") == "true", as: try context.requirePrincipal())
            // a real run refused for bad rows wrote nothing: 422, with every bad row in the report
            let refused = !report.dryRun && !report.errors.isEmpty
            return JSONResponse(status: refused ? .unprocessableContent : .ok, value: report)
        }
        router.get("imports/templates/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".csv"), let kind = ImportKind(rawValue: String(file.dropLast(4))) else {
                throw ProblemDetails.notFound()
            }
            return SpreadsheetResponse(file: kind.template, kind: "\(kind.rawValue)-template")
        }
    }
}
