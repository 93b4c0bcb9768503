public import Hummingbird
import NIOCore
public import Service

/// A spreadsheet download: the file as CSV (UTF-8 with BOM, CRLF) or as an Excel workbook,
/// saved under `praxis-KIND.EXT`; the API's exports and templates and the pages' links answer with it.
public struct SpreadsheetResponse: ResponseGenerator {
    let file: CSVFile
    let kind: String
    let format: ExportFormat

    public init(file: CSVFile, kind: String, format: ExportFormat = .csv) {
        self.file = file
        self.kind = kind
        self.format = format
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-store"]
        headers[.contentDisposition] = "attachment; filename=\"praxis-\(kind).\(format.rawValue)\""
        let bytes = try format.bytes(of: file, sheet: kind)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
