public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Maintenance windows: scheduled only where no confirmed booking uses the resource, what
/// contains it or what it contains; direct bookings and plans then keep clear of them.
/// Everyone reads them; only the resource's center's managers change them.
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
    /// - Throws: `.invalid` naming the field, `.notFound`, `.forbidden`, `.clash` with the
    ///   bookings in the way as the caller may see them.
    public func schedule(
        _ input: NewMaintenanceWindow, on resourceId: UUID, as caller: Principal
    ) async throws -> MaintenanceWindow {
        let (resources, bookings, windows, audit) = (resources, bookings, windows, audit)
        return try await database.withTransaction { connection in
            guard let resource = try resources.lockWithAncestors(id: resourceId, on: connection) else {
                throw ServiceError.notFound(entity: "resource")
            }
            try Policy(caller).authorize(.change, .center(resource.centerId), entity: "resource")
            let reason: String
            do throws(DomainError) { reason = try input.validated() } catch { throw ServiceError.invalid(error) }
            let inTheWay = try bookings.clashes(
                resourceIds: [resourceId], instructorId: nil, start: input.start, end: input.end, margin: 0,
                on: connection)
            guard inTheWay.isEmpty else {
                throw ServiceError.clash(
                    "\(resource.name) has \(inTheWay.count) booking(s) in that time; cancel or move them first.",
                    try BookingDisclosure(caller).show(inTheWay, on: connection))
            }
            let window = try windows.insert(input, reason: reason, resourceId: resourceId, on: connection)
            try audit.record(
                caller.actor, action: "create", entity: "maintenance_window", id: window.id.uuidString, before: nil,
                after: window, on: connection)
            return window
        }
    }

    /// A resource's maintenance windows overlapping `[from, to)`.
    /// - Throws: `.notFound` for an unknown resource.
    public func windows(
        of resourceId: UUID, from: Date, to: Date, as caller: Principal
    ) async throws -> [MaintenanceWindow] {
        let (resources, windows) = (resources, windows)
        return try await database.withConnection { connection in
            guard let resource = try resources.find(id: resourceId, on: connection) else {
                throw ServiceError.notFound(entity: "resource")
            }
            try Policy(caller).authorize(.read, .center(resource.centerId), entity: "resource")
            return try windows.list(resourceId: resourceId, from: from, to: to, on: connection)
        }
    }

    /// Removes a window; the time is bookable again.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the resource's center's managers.
    public func remove(_ id: UUID, as caller: Principal) async throws {
        let (resources, windows, audit) = (resources, windows, audit)
        try await database.withTransaction { connection in
            guard let window = try windows.lock(id: id, on: connection),
                let resource = try resources.find(id: window.resourceId, on: connection)
            else { throw ServiceError.notFound(entity: "maintenance window") }
            try Policy(caller).authorize(.change, .center(resource.centerId), entity: "maintenance window")
            _ = try windows.delete(id: id, on: connection)
            try audit.record(
                caller.actor, action: "delete", entity: "maintenance_window", id: id.uuidString, before: window,
                after: nil, on: connection)
        }
    }
}
