public import Foundation

/// Who is calling: a user of one organization, the roles in force for this request, and the API
/// token it came with (`nil` for a browser session or the command line).
public struct Principal: Sendable, Equatable {
    public let userId: UUID
    public let username: String
    public let organizationId: UUID
    /// The roles in force: all of the user's, or the one a narrowed token carries.
    public let grants: [RoleGrant]
    public let tokenId: UUID?
    /// The one role a narrowed token carries; `nil` when all of the user's roles are in force.
    public let tokenRole: Role?
    /// Whether this is ``system``: the command line, the demo seed or a background job.
    public let isSystem: Bool

    public init(
        userId: UUID, username: String, organizationId: UUID, grants: [RoleGrant], tokenId: UUID? = nil,
        tokenRole: Role? = nil
    ) {
        self.init(
            userId: userId, username: username, organizationId: organizationId, grants: grants, tokenId: tokenId,
            tokenRole: tokenRole, isSystem: false)
    }

    private init(
        userId: UUID, username: String, organizationId: UUID, grants: [RoleGrant], tokenId: UUID?, tokenRole: Role?,
        isSystem: Bool
    ) {
        self.userId = userId
        self.username = username
        self.organizationId = organizationId
        self.grants = grants
        self.tokenId = tokenId
        self.tokenRole = tokenRole
        self.isSystem = isSystem
    }

    /// Praxis itself, acting with an admin's rights where no person asks: the command line, the
    /// demo seed, the hourly course decisions. The audit trail names it ``AuditActor/system``.
    public static let system = Principal(
        userId: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), username: "system",
        organizationId: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), grants: [RoleGrant(role: .admin)],
        tokenId: nil, tokenRole: nil, isSystem: true)

    /// Whether any grant in force has this role.
    public func has(_ role: Role) -> Bool {
        grants.contains { $0.role == role }
    }

    /// The centers this principal manages.
    public var managedCenters: Set<UUID> {
        Set(grants.compactMap { $0.role == .centerManager ? $0.centerId : nil })
    }

    /// The instructors whose timetable this principal reads as ``Role/instructor``.
    public var instructorIds: Set<UUID> {
        Set(grants.compactMap { $0.role == .instructor ? $0.instructorId : nil })
    }

    /// Whether this principal coordinates for its organization (school or enterprise).
    public var isCoordinator: Bool {
        has(.schoolCoordinator) || has(.enterpriseCoordinator)
    }

    /// The actor an audit row names.
    public var actor: AuditActor {
        isSystem ? .system : AuditActor(userId: userId, tokenId: tokenId)
    }
}

/// Who made a change, as the audit trail records it.
public struct AuditActor: Sendable, Equatable, Codable {
    /// The user; `nil` for the system (the command line, the demo seed).
    public let userId: UUID?
    /// The API token the change came with, if any.
    public let tokenId: UUID?

    public init(userId: UUID?, tokenId: UUID?) {
        self.userId = userId
        self.tokenId = tokenId
    }

    /// Changes made by the system itself.
    public static let system = AuditActor(userId: nil, tokenId: nil)
}
