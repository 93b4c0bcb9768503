import Access
import Domain
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import Service

/// `/ui/imports`: upload a CSV of one kind, see its dry-run report (every bad row by row,
/// column, rule and message), then confirm to import it for real. The checked file travels back
/// with the confirmation (base64 in the confirm form), so the server keeps nothing between the
/// two steps. Template and export downloads are linked from here.
struct ImportPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    /// The multipart form of the page: the kind, the uploaded file or (to confirm) the checked one.
    struct Upload: Decodable {
        var csrf: String
        var kind: String
        var action: String?
        var file: Data?
        var checked: String?
    }

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("imports") { request, context in
            try await page(request, context, kind: .resources, report: nil, checked: nil)
        }
        router.post("imports") { request, context in
            let upload = try await Self.upload(request, context: context)
            guard let kind = ImportKind(rawValue: upload.kind) else { throw PageError.notFound }
            let confirm = upload.action == "import"
            let bytes =
                confirm ? [UInt8](Data(base64Encoded: upload.checked ?? "") ?? Data()) : [UInt8](upload.file ?? Data())
            let principal = try context.reader()
            let center = try await services.center(for: principal)
            let report = try await services.imports.importFile(
                kind, bytes: bytes, center: center.id, dryRun: !confirm, as: principal)
            if report.written { return Response.redirect(to: "/ui/imports?notice=imported") }
            return try await page(
                request, context, kind: kind, report: report,
                checked: report.errors.isEmpty ? Data(bytes).base64EncodedString() : nil)
        }
        router.get("imports/templates/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".csv"), let kind = ImportKind(rawValue: String(file.dropLast(4))) else {
                throw PageError.notFound
            }
            return SpreadsheetResponse(file: kind.template, kind: "\(kind.rawValue)-template")
        }
        router.get("exports/:file") { request, context in try await export(request, context) }
    }

    /// The multipart body, its CSRF token checked.
    private static func upload(_ request: Request, context: some PageContext) async throws -> Upload {
        let buffer = try await request.body.collect(upTo: 4 * ImportService.maxBytes)
        guard let type = request.headers[.contentType], let range = type.range(of: "boundary=") else {
            throw PageError.csrf
        }
        let boundary = String(type[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let upload: Upload
        do { upload = try FormDataDecoder().decode(Upload.self, from: buffer, boundary: boundary) } catch {
            throw ServiceError.invalid(
                DomainError(field: "file", rule: "format", message: "The upload is not a form with a kind and a file."))
        }
        guard let session = context.session, session.accepts(csrfToken: upload.csrf) else { throw PageError.csrf }
        return upload
    }
}
