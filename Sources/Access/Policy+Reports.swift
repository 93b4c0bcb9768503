public import Foundation

extension Policy {
    /// How much of a center's reports a reader sees.
    public enum ReportReach: Sendable, Equatable {
        /// Every organization's rows: the center's managers, auditors, admins.
        case all
        /// Its own organization's rows, plus the center's totals: a coordinator.
        case organization(UUID)
    }

    /// Who reads a center's reports, and how much: managers, auditors and admins everything (pilot
    /// production aside: ``seesPilotDetail(of:centerId:)``), coordinators their organization's rows.
    /// - Throws: ``ServiceError/forbidden(_:rule:)`` for anyone else.
    public func reportReach(centerId: UUID) throws(ServiceError) -> ReportReach {
        if principal.has(.admin) || principal.has(.auditor) || principal.managedCenters.contains(centerId) {
            return .all
        }
        if principal.isCoordinator { return .organization(principal.organizationId) }
        throw .forbidden(
            "Reports are read by the center's managers, auditors and the organizations' coordinators.",
            rule: "reportReaders")
    }

    /// Whether the principal sees an organization's pilot production in detail (not only in the
    /// totals): it is confidential to the organization and the center's managers.
    public func seesPilotDetail(of organizationId: UUID, centerId: UUID) -> Bool {
        principal.has(.admin) || principal.managedCenters.contains(centerId)
            || (principal.isCoordinator && principal.organizationId == organizationId)
    }
}
