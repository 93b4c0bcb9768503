import Domain
public import Foundation

/// How much of a booking a principal sees.
public enum WorkView: Sendable, Equatable {
    /// Everything.
    case full
    /// Time, resources and category only: no organization, title, participants, cohorts, instructor.
    case occupied
    /// Time and resources only: pilot production of another organization.
    case confidential
}

/// Which rows of a listing a principal may see.
public enum Scope: Sendable, Equatable {
    case all
    /// Only the rows of this organization.
    case organization(UUID)
}

extension Policy {
    /// How much of a booking the principal sees: all of what it may read, otherwise an occupied
    /// block (confidential for pilot production).
    public func view(of work: Work) -> WorkView {
        if decide(.read, .work(work)) == .allowed { return .full }
        return work.category == .pilotProduction ? .confidential : .occupied
    }

    /// The requests of a center the principal may list: all of them for its managers and
    /// consortium-wide readers, their own organization's for coordinators.
    /// - Throws: ``AccessError/forbidden(_:)`` for anyone else (instructors).
    public func requestScope(at centerId: UUID) throws(AccessError) -> Scope {
        if principal.has(.admin) || principal.has(.auditor) || principal.managedCenters.contains(centerId) { return .all }
        if principal.isCoordinator { return .organization(principal.organizationId) }
        throw .forbidden("Only managers of this center, coordinators and auditors list requests.")
    }

    /// The organizations the principal may list: all for admins, auditors and managers, else its own.
    public var organizationScope: Scope {
        if principal.has(.admin) || principal.has(.auditor) || !principal.managedCenters.isEmpty { return .all }
        return .organization(principal.organizationId)
    }
}
