public import Hummingbird
import NIOCore
public import Service

/// A spreadsheet download: the file's bytes (UTF-8 with BOM, CRLF) as `text/csv`, saved under
/// `name`; the API's exports and the pages' links answer with it.
public struct CSVResponse: ResponseGenerator {
    let file: CSVFile
    let name: String

    public init(file: CSVFile, name: String) {
        self.file = file
        self.name = name
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store"]
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes())))
    }
}
