public import Database
public import Foundation

extension CenterRepository {
    /// The id of the center with this name, if any (center names are unique).
    public func id(named name: String, on connection: Connection) throws -> UUID? {
        try connection.query("SELECT id FROM centers WHERE name = \(name)").first?.decode("id")
    }
}
