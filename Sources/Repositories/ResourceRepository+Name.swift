public import Database
public import Domain
public import Foundation

extension ResourceRepository {
    /// The center's resource with this name, if any (names are unique per center).
    public func find(named name: String, centerId: UUID, on connection: Connection) throws -> Resource? {
        try connection.query("SELECT \(Self.columns) FROM resources WHERE center_id = \(centerId) AND name = \(name)")
            .first.map(Self.resource(from:))
    }
}
