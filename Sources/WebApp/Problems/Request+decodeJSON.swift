import Dates
import Foundation
public import Hummingbird

extension Request {
    /// Decodes the JSON body, answering bad input with a problem naming the field:
    /// 400 when the body is not JSON at all, 422 (with a JSON Pointer and rule) when a field is
    /// missing or of the wrong type, or a date or clock time does not parse (rule `date` or `time`,
    /// the value quoted), 413 when the body is over the context's size limit.
    public func decodeJSON<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        }
    }

    static func problem(for error: DecodingError) -> ProblemDetails {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedBody("The request body is not valid JSON.")
        case .dataCorrupted(let context):
            if let parse = context.underlyingError as? DateParseError {
                let name = context.codingPath.last { $0.intValue == nil }?.stringValue ?? "value"
                return .validation(
                    field: pointer(context.codingPath), rule: parse.kind.rawValue, detail: parse.message(naming: name))
            }
            return .validation(
                field: pointer(context.codingPath), rule: "format",
                detail: "The value of \(pointer(context.codingPath)) is not in the expected format.")
        case .keyNotFound(let key, let context):
            let field = pointer(context.codingPath + [key])
            return .validation(field: field, rule: "required", detail: "The field \(field) is required.")
        case .valueNotFound(_, let context):
            let field = pointer(context.codingPath)
            return .validation(field: field, rule: "required", detail: "The field \(field) must not be null.")
        case .typeMismatch(let type, let context):
            let field = pointer(context.codingPath)
            return .validation(field: field, rule: "type", detail: "The field \(field) must be \(jsonName(of: type)).")
        @unknown default:
            return .malformedBody("The request body could not be read.")
        }
    }

    /// RFC 6901 JSON Pointer for a coding path: `/sessions/0/start`.
    static func pointer(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        return path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int32.Type, is Int64.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
