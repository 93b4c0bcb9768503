public import Database
public import Domain

extension OrganizationRepository {
    /// The organization with this name, if any (names are unique).
    public func find(named name: String, on connection: Connection) throws -> Organization? {
        try connection.query("SELECT id, name, kind, version FROM organizations WHERE name = \(name)")
            .first.map(Self.organization(from:))
    }
}
