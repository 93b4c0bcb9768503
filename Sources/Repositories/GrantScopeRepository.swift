public import Database
public import Domain
public import Foundation

/// What a role grant names, as the account use cases check it: the kind of an organization,
/// whether a center exists, and whose an instructor is.
public struct GrantScopeRepository: Sendable {
    public init() {}

    /// The organization's kind; `nil` when there is no such organization. `.some(nil)`: a kind
    /// this build does not know.
    public func organizationKind(_ id: UUID, on connection: Connection) throws -> OrganizationKind?? {
        guard let row = try connection.query("SELECT kind::text FROM organizations WHERE id = \(id)").first else {
            return nil
        }
        return .some(OrganizationKind(rawValue: try row.decode("kind")))
    }

    /// Whether a center has this id.
    public func centerExists(_ id: UUID, on connection: Connection) throws -> Bool {
        try !connection.query("SELECT 1 FROM centers WHERE id = \(id)").isEmpty
    }

    /// The organization an instructor belongs to; `nil` for an unknown instructor.
    public func instructorOrganization(_ id: UUID, on connection: Connection) throws -> UUID? {
        try connection.query("SELECT organization_id FROM instructors WHERE id = \(id)").first?.decode(
            "organization_id", as: UUID.self)
    }

    /// An organization's id, from its id (as text) or its exact name; an id match comes first.
    public func organizationId(named text: String, on connection: Connection) throws -> UUID? {
        try connection.query(
            "SELECT id FROM organizations WHERE id::text = \(text.lowercased()) OR name = \(text) ORDER BY name = \(text) LIMIT 1"
        ).first?.decode("id", as: UUID.self)
    }
}
