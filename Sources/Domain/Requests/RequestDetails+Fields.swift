import Foundation

extension RequestDetails {
    /// The single fields of the details (numbers and texts at the top level, dates as
    /// `YYYY-MM-DD`), by name: what an edit form shows.
    public var fields: [String: String] {
        guard let object = try? Self.object(of: self) else { return [:] }
        return object.filter { !derivedFields.contains($0.key) }.compactMapValues { value in
            switch value {
            case let text as String: text
            case let number as Int: String(number)
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
    }

    /// The details with single fields replaced by texts as a form sends them: a number field
    /// takes a whole number, a text or date field the text. Only fields the details already have
    /// can be replaced.
    /// - Throws: ``DomainError`` naming `details/<name>`: rule `unknown` for a field the details do
    ///   not have as a single value, `type` for a value that does not read as the field's type,
    ///   `derivedFromParts` for a course's summary its parts set.
    public func merging(_ changes: [String: String]) throws(DomainError) -> RequestDetails {
        guard !changes.isEmpty else { return self }
        if let name = changes.keys.sorted().first(where: derivedFields.contains) {
            throw DomainError(
                field: "details/\(name)", rule: "derivedFromParts",
                message: "The course's \(name) adds up from its parts; change the parts instead.")
        }
        do {
            var object = try Self.object(of: self)
            for (name, text) in changes.sorted(by: { $0.key < $1.key }) {
                switch object[name] {
                case is String: object[name] = text
                case is Int, is NSNumber:
                    guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                        throw DomainError(
                            field: "details/\(name)", rule: "type",
                            message: "The details/\(name) ('\(text)') must be a whole number.")
                    }
                    object[name] = number
                default:
                    throw DomainError(
                        field: "details/\(name)", rule: "unknown",
                        message: "A \(category.rawValue) request has no single field \(name).")
                }
            }
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder().decode(Coded.self, from: data, configuration: category).details
        } catch let error as DomainError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw Self.typeError(context.codingPath)
        } catch let DecodingError.typeMismatch(_, context) {
            throw Self.typeError(context.codingPath)
        } catch {
            throw DomainError(
                field: "details", rule: "type", message: "The details do not read as \(category.rawValue).")
        }
    }

    /// Fields the details derive from others: a course with parts sums its skill, hours and session length.
    private var derivedFields: Set<String> {
        guard case .employeeUpskilling(let course) = self, !(course.parts ?? []).isEmpty else { return [] }
        return ["skill", "totalHours", "sessionMinutes"]
    }

    private static func typeError(_ path: [any CodingKey]) -> DomainError {
        let name = path.map(\.stringValue).joined(separator: "/")
        return DomainError(field: "details/\(name)", rule: "type", message: "The details/\(name) is not of its type.")
    }

    private static func object(of details: RequestDetails) throws -> [String: Any] {
        let data = try JSONEncoder().encode(Coded(details: details))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Details through JSON coding, the category given beside them.
    private struct Coded: Encodable, DecodableWithConfiguration {
        let details: RequestDetails

        init(details: RequestDetails) {
            self.details = details
        }

        init(from decoder: any Decoder, configuration: Category) throws {
            details = try RequestDetails(category: configuration, from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try details.encode(to: encoder)
        }
    }
}
