import Domain
public import Foundation

/// One role a user holds, with its scope: the center a manager manages, the instructor whose
/// timetable an instructor reads. Coordinators act for the user's own organization; admins and
/// auditors are consortium-wide.
public struct RoleGrant: Sendable, Hashable, Codable {
    public var role: Role
    /// The managed center; set exactly when `role` is ``Role/centerManager``.
    public var centerId: UUID?
    /// The instructor row; set exactly when `role` is ``Role/instructor``.
    public var instructorId: UUID?

    public init(role: Role, centerId: UUID? = nil, instructorId: UUID? = nil) {
        self.role = role
        self.centerId = centerId
        self.instructorId = instructorId
    }

    /// Checks that the scope fits the role.
    /// - Parameter field: the JSON Pointer (without leading slash) of this grant in the input.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `centerId` or `instructorId`.
    public func validated(field: String) throws(ServiceError) -> RoleGrant {
        if (role == .centerManager) != (centerId != nil) {
            throw .invalid(
                .init(
                    field: "\(field)/centerId", rule: role == .centerManager ? "required" : "notAllowed",
                    message: role == .centerManager
                        ? "A center_manager role needs the centerId of the center it manages."
                        : "Only a center_manager role takes a centerId; \(role.rawValue) does not."))
        }
        if (role == .instructor) != (instructorId != nil) {
            throw .invalid(
                .init(
                    field: "\(field)/instructorId", rule: role == .instructor ? "required" : "notAllowed",
                    message: role == .instructor
                        ? "An instructor role needs the instructorId of the instructor it reads the timetable of."
                        : "Only an instructor role takes an instructorId; \(role.rawValue) does not."))
        }
        return self
    }
}
