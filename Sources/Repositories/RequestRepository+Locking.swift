public import Database
public import Domain
public import Foundation

extension RequestRepository {
    /// The requests with these ids, locked until the transaction ends, in id order (so that two
    /// transactions locking overlapping sets do not deadlock).
    public func lock(ids: [UUID], on connection: Connection) throws -> [Request] {
        guard !ids.isEmpty else { return [] }
        return try connection.query(
            """
            SELECT \(Self.columns) FROM requests WHERE id = ANY(\(ids.map { $0.uuidString.lowercased() })::uuid[])
            ORDER BY id FOR UPDATE
            """
        ).map(Self.request(from:))
    }
}
