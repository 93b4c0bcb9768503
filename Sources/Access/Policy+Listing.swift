public import Domain
public import Foundation

/// Which rows of a listing a principal may see.
public enum Scope: Sendable, Equatable {
    case all
    /// Only the rows of this organization.
    case organization(UUID)
}

extension Policy {
    /// How the principal reads the schedules of a center: every detail when it may read all of
    /// the center's work (admins, auditors, the center's managers), otherwise its own
    /// organization's bookings in full and everyone else's as occupied blocks.
    public func audience(at centerId: UUID?) -> Audience {
        if principal.has(.admin) || principal.has(.auditor) { return .center }
        if let centerId, principal.managedCenters.contains(centerId) { return .center }
        return .organization(principal.organizationId)
    }

    /// The requests of a center the principal may list: all of them for its managers and
    /// consortium-wide readers, their own organization's for coordinators.
    /// - Throws: ``ServiceError/forbidden(_:rule:)`` for anyone else (instructors).
    public func requestScope(at centerId: UUID) throws(ServiceError) -> Scope {
        if principal.has(.admin) || principal.has(.auditor) || principal.managedCenters.contains(centerId) {
            return .all
        }
        if principal.isCoordinator { return .organization(principal.organizationId) }
        throw .forbidden(
            "Only managers of this center, coordinators and auditors list requests.", rule: "listsRequests")
    }

    /// The instructors of a center the principal may list: `nil` for all of them (admins,
    /// auditors, the center's managers), else only the principal's own instructor records.
    public func listableInstructors(at centerId: UUID) -> [UUID]? {
        if principal.has(.admin) || principal.has(.auditor) || principal.managedCenters.contains(centerId) {
            return nil
        }
        return principal.instructorIds.sorted { $0.uuidString < $1.uuidString }
    }

    /// The organizations the principal may list: all for admins, auditors and managers, else its own.
    public var organizationScope: Scope {
        if principal.has(.admin) || principal.has(.auditor) || !principal.managedCenters.isEmpty { return .all }
        return .organization(principal.organizationId)
    }

    /// Where the principal reads an organization's (or one of its cohorts') timetable: everywhere
    /// for the organization's own people, admins and auditors; for a manager of another
    /// organization only at the centers they manage (the use case answers 404 when the
    /// organization has no work there); `nil` for anyone else.
    public func timetableReach(of organizationId: UUID) -> TimetableReach? {
        if principal.organizationId == organizationId || principal.has(.admin) || principal.has(.auditor) {
            return .everywhere
        }
        return principal.managedCenters.isEmpty ? nil : .centers(principal.managedCenters)
    }
}

/// The centers whose entries of an organization's timetable a principal reads.
public enum TimetableReach: Sendable, Equatable {
    case everywhere
    case centers(Set<UUID>)
}
