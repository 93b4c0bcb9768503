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

    public init(
        userId: UUID, username: String, organizationId: UUID, grants: [RoleGrant], tokenId: UUID? = nil, tokenRole: Role? = nil
    ) {
        self.userId = userId
        self.username = username
        self.organizationId = organizationId
        self.grants = grants
        self.tokenId = tokenId
        self.tokenRole = tokenRole
    }

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
        AuditActor(userId: userId, tokenId: tokenId)
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
