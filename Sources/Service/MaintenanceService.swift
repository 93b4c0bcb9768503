public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Maintenance windows: scheduled only where no confirmed booking uses the resource, what
/// contains it or what it contains; direct bookings and plans then keep clear of them.
public struct MaintenanceService: Sendable {
    let database: Database
    let resources = ResourceRepository()
    let bookings = BookingRepository()
    let windows = MaintenanceRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// Schedules maintenance of a resource.
    /// - Throws: `.invalid` naming the field, `.notFound`, `.clash` with the bookings in the way.
    public func schedule(
        _ input: NewMaintenanceWindow, on resourceId: UUID, by actor: AuditActor = .system
    ) async throws -> MaintenanceWindow {
        let reason: String
        do { reason = try input.validated() } catch { throw ServiceError.invalid(error) }
        let (resources, bookings, windows, audit) = (resources, bookings, windows, audit)
        return try await database.withTransaction { connection in
            // the same locks a booking takes, stronger: bookings of this resource, of what it
            // contains and of what contains it wait for this decision (see 0008_bookings.sql)
            let locked = try connection.query(
                """
                SELECT r.id FROM resources r JOIN resource_ancestors(\(resourceId)) a ON a.resource_id = r.id
                ORDER BY r.id FOR UPDATE OF r
                """)
            guard !locked.isEmpty, let resource = try resources.find(id: resourceId, on: connection) else {
                throw ServiceError.notFound(entity: "resource")
            }
            let inTheWay = try bookings.clashes(
                resourceIds: [resourceId], instructorId: nil, start: input.start, end: input.end, margin: 0,
                on: connection)
            guard inTheWay.isEmpty else {
                throw ServiceError.clash(
                    "\(resource.name) has \(inTheWay.count) booking(s) in that time; cancel or move them first.",
                    inTheWay)
            }
            let window = try windows.insert(input, reason: reason, resourceId: resourceId, on: connection)
            try audit.record(
                actor, action: "create", entity: "maintenance_window", id: window.id.uuidString, before: nil,
                after: window, on: connection)
            return window
        }
    }

    /// A resource's maintenance windows overlapping `[from, to)`.
    public func windows(of resourceId: UUID, from: Date, to: Date) async throws -> [MaintenanceWindow] {
        let (resources, windows) = (resources, windows)
        return try await database.withConnection { connection in
            guard try resources.find(id: resourceId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "resource")
            }
            return try windows.list(resourceId: resourceId, from: from, to: to, on: connection)
        }
    }

    /// The maintenance windows of every resource of a center overlapping `[from, to)`, by resource.
    public func windows(in centerId: UUID, from: Date, to: Date) async throws -> [UUID: [MaintenanceWindow]] {
        let windows = windows
        let found = try await database.withConnection {
            try windows.list(centerId: centerId, from: from, to: to, on: $0)
        }
        return Dictionary(grouping: found, by: \.resourceId)
    }

    /// The window with this id.
    /// - Throws: `.notFound`.
    public func window(_ id: UUID) async throws -> MaintenanceWindow {
        let windows = windows
        guard let window = try await database.withConnection({ try windows.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "maintenance window")
        }
        return window
    }

    /// Removes a window; the time is bookable again.
    public func remove(_ id: UUID, by actor: AuditActor = .system) async throws {
        let (windows, audit) = (windows, audit)
        try await database.withTransaction { connection in
            guard let window = try windows.find(id: id, on: connection), try windows.delete(id: id, on: connection)
            else {
                throw ServiceError.notFound(entity: "maintenance window")
            }
            try audit.record(
                actor, action: "delete", entity: "maintenance_window", id: id.uuidString, before: window, after: nil,
                on: connection)
        }
    }
}
