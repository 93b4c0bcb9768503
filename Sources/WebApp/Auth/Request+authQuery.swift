import Foundation
import Hummingbird

extension Request {
    /// An optional query parameter that must be a UUID (422 otherwise).
    func queryUUID(_ name: String) throws -> UUID? {
        guard let text = queryString(name) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails.validation(
                field: name, rule: "format", detail: "The query parameter \(name) ('\(text)') must be a UUID.")
        }
        return id
    }
}
