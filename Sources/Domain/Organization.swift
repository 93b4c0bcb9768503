public import Foundation

/// A school, enterprise, institute or center operator that uses a practice center.
public struct Organization: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var kind: OrganizationKind
    /// Incremented on every update; the API's ETag.
    public var version: Int

    public init(id: UUID, name: String, kind: OrganizationKind, version: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.version = version
    }

    /// Checks a name a person typed: trimmed, 1 to 200 characters.
    /// - Returns: the trimmed name.
    /// - Throws: ``DomainError`` naming the field `name`.
    public static func validatedName(_ raw: String) throws(DomainError) -> String {
        try Validate.name(raw, field: "name")
    }
}
