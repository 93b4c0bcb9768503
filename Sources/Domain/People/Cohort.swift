public import Foundation

/// People who cannot be in two places at once: a school's class, an enterprise's group.
public struct Cohort: Sendable, Equatable, Codable {
    public var id: UUID
    public var organizationId: UUID
    public var name: String
    public var size: Int
    public var version: Int

    public init(id: UUID, organizationId: UUID, name: String, size: Int, version: Int) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.size = size
        self.version = version
    }
}

/// A cohort as a caller sends it.
public struct NewCohort: Sendable, Decodable {
    public var name: String
    public var size: Int

    public init(name: String, size: Int) {
        self.name = name
        self.size = size
    }

    /// Checks the name and a size of 1 to 1000; returns the trimmed name.
    public func validated() throws(DomainError) -> String {
        _ = try Validate.range(size, 1...1000, field: "size")
        return try Validate.name(name, field: "name")
    }
}

/// An organization as a caller sends it.
public struct NewOrganization: Sendable, Decodable {
    public var name: String
    public var kind: OrganizationKind

    public init(name: String, kind: OrganizationKind) {
        self.name = name
        self.kind = kind
    }
}
