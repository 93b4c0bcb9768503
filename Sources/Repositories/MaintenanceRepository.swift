public import Database
public import Domain
public import Foundation

/// Reads and writes `maintenance_windows`.
public struct MaintenanceRepository: Sendable {
    public init() {}

    private static let columns: SQL = "id, resource_id, lower(during) AS start, upper(during) AS \"end\", reason"

    /// Inserts a window on a resource.
    public func insert(
        _ window: NewMaintenanceWindow, reason: String, resourceId: UUID, on connection: Connection
    ) throws -> MaintenanceWindow {
        let during = TimeRange(lower: window.start, upper: window.end)!
        return try Self.window(
            from: try connection.query(
                """
                INSERT INTO maintenance_windows (resource_id, during, reason) VALUES (\(resourceId), \(during), \(reason))
                RETURNING \(Self.columns)
                """
            ).first!)
    }

    /// A resource's windows overlapping `[from, to)`, by start.
    public func list(resourceId: UUID, from: Date, to: Date, on connection: Connection) throws -> [MaintenanceWindow] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM maintenance_windows
            WHERE resource_id = \(resourceId) AND during && tstzrange(\(from), \(to))
            ORDER BY lower(during), id
            """
        ).map(Self.window(from:))
    }

    /// The windows of every resource of a center overlapping `[from, to)`, by resource and start.
    public func list(centerId: UUID, from: Date, to: Date, on connection: Connection) throws -> [MaintenanceWindow] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM maintenance_windows
            WHERE resource_id IN (SELECT id FROM resources WHERE center_id = \(centerId)) AND during && tstzrange(\(from), \(to))
            ORDER BY resource_id, lower(during), id
            """
        ).map(Self.window(from:))
    }

    /// The window with this id, if any.
    public func find(id: UUID, on connection: Connection) throws -> MaintenanceWindow? {
        try connection.query("SELECT \(Self.columns) FROM maintenance_windows WHERE id = \(id)").first.map(
            Self.window(from:))
    }

    /// Locks the window (`FOR UPDATE`) and reads it, for a change decided on what was read.
    public func lock(id: UUID, on connection: Connection) throws -> MaintenanceWindow? {
        try connection.query("SELECT \(Self.columns) FROM maintenance_windows WHERE id = \(id) FOR UPDATE").first.map(
            Self.window(from:))
    }

    /// Deletes a window; returns whether it existed.
    public func delete(id: UUID, on connection: Connection) throws -> Bool {
        try connection.query("DELETE FROM maintenance_windows WHERE id = \(id)").affectedRows == 1
    }

    private static func window(from row: Row) throws -> MaintenanceWindow {
        MaintenanceWindow(
            id: try row.decode("id"), resourceId: try row.decode("resource_id"), start: try row.decode("start"),
            end: try row.decode("end"), reason: try row.decode("reason"))
    }
}
