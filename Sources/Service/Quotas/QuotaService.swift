public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Quotas per organization: the hours it may use at a center per week, month or term. The
/// center's managers set them; they, auditors and the organization's own coordinators read them
/// with what is left. Direct bookings are refused past them inside their own transaction
/// (`check_quotas`, see ``BookingService``).
public struct QuotaService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let repository = QuotaRepository()
    let audit = AuditLog()
    /// The clock "what is left now" is read at; tests fix it.
    let now: @Sendable () -> Date

    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Sets a quota at a center.
    /// - Throws: `.notFound` for an unknown center, `.forbidden` for anyone but its managers,
    ///   `.invalid` naming the field (`hours`, `capability`, `organizationId`, `resourceId`).
    public func set(_ input: NewQuota, in centerId: UUID, as caller: Principal) async throws -> Quota {
        try await database.withTransaction { connection in try set(input, in: centerId, as: caller, on: connection) }
    }

    /// ``set(_:in:as:)`` inside the caller's transaction (the demo's).
    func set(_ input: NewQuota, in centerId: UUID, as caller: Principal, on connection: Connection) throws -> Quota {
        guard try centers.find(id: centerId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        try Policy(caller).authorize(
            .create, .quota(centerId: centerId, organizationId: input.organizationId), entity: "quota")
        let valid = try Self.checked(input, in: centerId, on: connection)
        let quota = try repository.insert(valid, centerId: centerId, on: connection)
        try audit.record(
            caller.actor, action: "create", entity: "quota", id: quota.id.uuidString, before: nil, after: quota,
            on: connection)
        return quota
    }

    /// Replaces a quota's terms at the version the caller last read.
    /// - Throws: `.notFound`, `.forbidden`, `.staleVersion`, `.invalid` naming the field.
    public func change(_ id: UUID, to input: NewQuota, version: Int, as caller: Principal) async throws -> Quota {
        try await database.withTransaction { connection in
            guard let quota = try repository.lock(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "quota")
            }
            try Policy(caller).authorize(
                .change, .quota(centerId: quota.centerId, organizationId: quota.organizationId), entity: "quota")
            guard quota.version == version else { throw ServiceError.staleVersion(current: quota.version) }
            let valid = try Self.checked(input, in: quota.centerId, on: connection)
            guard let changed = try repository.update(id: id, to: valid, version: version, on: connection) else {
                throw ServiceError.staleVersion(current: quota.version)
            }
            try audit.record(
                caller.actor, action: "update", entity: "quota", id: id.uuidString, before: quota, after: changed,
                on: connection)
            return changed
        }
    }

    /// Removes a quota: its organization's bookings are no longer limited by it.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers.
    public func remove(_ id: UUID, as caller: Principal) async throws {
        try await database.withTransaction { connection in
            guard let quota = try repository.lock(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "quota")
            }
            try Policy(caller).authorize(
                .change, .quota(centerId: quota.centerId, organizationId: quota.organizationId), entity: "quota")
            _ = try repository.delete(id: id, on: connection)
            try audit.record(
                caller.actor, action: "delete", entity: "quota", id: id.uuidString, before: quota, after: nil,
                on: connection)
        }
    }

    /// A center's quotas the caller may read (every one for its managers and auditors, its own
    /// organization's for a coordinator), each with what is used and left in the window that holds
    /// `instant` (now when `nil`).
    /// - Throws: `.notFound` for an unknown center.
    public func quotas(
        of centerId: UUID, organizationId: UUID? = nil, at instant: Date? = nil, as caller: Principal
    ) async throws -> [QuotaUse] {
        let at = instant ?? now()
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            let policy = Policy(caller)
            return try repository.list(centerId: centerId, organizationId: organizationId, on: connection)
                .filter {
                    policy.decide(.read, .quota(centerId: centerId, organizationId: $0.organizationId)) == .allowed
                }
                .map { try repository.use(of: $0, at: at, on: connection) }
        }
    }

    /// One quota with what is used and left of it now.
    /// - Throws: `.notFound`, also for a quota the caller may not know of.
    public func quota(_ id: UUID, as caller: Principal) async throws -> QuotaUse {
        try await database.withConnection { connection in
            guard let quota = try repository.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "quota")
            }
            try Policy(caller).authorize(
                .read, .quota(centerId: quota.centerId, organizationId: quota.organizationId), entity: "quota")
            return try repository.use(of: quota, at: now(), on: connection)
        }
    }
}
