import Foundation
import Hummingbird

/// A JSON body with a status and the headers a created or versioned object needs.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var value: Value
    /// `ETag` of a versioned object, as the quoted version number.
    var version: Int?
    /// `Location` of a created object.
    var location: String?

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let version { headers[.eTag] = "\"\(version)\"" }
        if let location { headers[.location] = location }
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// A list and the paging it was read with.
struct Listing<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let limit: Int
    let offset: Int
}

/// A whole (unpaged) list, answered and accepted as `{"items": […]}`.
struct Items<Item: Codable & Sendable>: Codable, Sendable {
    let items: [Item]
}
