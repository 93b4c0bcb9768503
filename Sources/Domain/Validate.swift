import Foundation

/// Field checks shared by the domain's input types; each throws a ``DomainError`` naming the field.
public enum Validate {
    /// A display name: trimmed, 1 to 200 characters.
    public static func name(_ raw: String, field: String) throws(DomainError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw DomainError(field: field, rule: "required", message: "The \(field) must not be empty.")
        }
        guard name.count <= 200 else {
            throw DomainError(field: field, rule: "maxLength", message: "The \(field) (\(name.count) characters) must be at most 200 characters.")
        }
        return name
    }

    /// A capability or skill tag: lower-case letters, digits, `.`, `_`, `-`, e.g. `cnc.5axis`.
    public static func tag(_ raw: String, field: String) throws(DomainError) -> String {
        let tag = raw.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (1...64).contains(tag.count), tag.allSatisfy(allowed.contains), tag.first != ".", tag.first != "-" else {
            throw DomainError(field: field, rule: "tag", message: "The \(field) '\(raw)' must be 1–64 lower-case letters, digits, '.', '_' or '-', such as cnc.5axis.")
        }
        return tag
    }

    /// An integer inside a closed range.
    public static func range(_ value: Int, _ bounds: ClosedRange<Int>, field: String) throws(DomainError) -> Int {
        guard bounds.contains(value) else {
            throw DomainError(field: field, rule: "range", message: "The \(field) (\(value)) must be between \(bounds.lowerBound) and \(bounds.upperBound).")
        }
        return value
    }
}
