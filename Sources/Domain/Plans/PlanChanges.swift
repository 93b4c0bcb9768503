public import Foundation

/// What publishing a proposal changes for whom: per organization, its sessions added, moved and
/// removed, its confirmed sessions displaced to a make-up, and the instructors and classes (cohorts)
/// those sessions involve, before and after.
public struct PlanChanges: Sendable, Equatable {
    /// One organization's share of the change.
    public struct Share: Sendable, Equatable {
        public var organizationId: UUID
        public var added = 0
        public var moved = 0
        public var removed = 0
        /// Confirmed sessions moved to a make-up (the center's displacement rule).
        public var displaced = 0
        public var instructorIds: Set<UUID> = []
        public var cohortIds: Set<UUID> = []

        public init(organizationId: UUID) { self.organizationId = organizationId }
    }

    /// Organizations with at least one change, most changes first.
    public var shares: [Share]

    /// The changes of `result`'s diff.
    /// - Parameters:
    ///   - result: the proposal.
    ///   - organization: the organization of a request (removed sessions have no proposed assignment
    ///     to name it); a request it does not know is left out.
    public init(_ result: PlanResult, organization: (UUID) -> UUID?) {
        let proposed = Dictionary(result.assignments.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var shares: [UUID: Share] = [:]
        func touch(_ key: SessionKey, _ change: (inout Share) -> Void) {
            guard let id = proposed[key]?.organizationId ?? organization(key.requestId) else { return }
            change(&shares[id, default: Share(organizationId: id)])
            if let assignment = proposed[key] {
                shares[id]?.instructorIds.formUnion(
                    [assignment.instructorId, assignment.secondInstructorId].compactMap { $0 })
                shares[id]?.cohortIds.formUnion(assignment.cohortIds)
            }
        }
        for key in result.diff.added { touch(key) { $0.added += 1 } }
        for move in result.diff.moved {
            touch(SessionKey(requestId: move.requestId, session: move.session)) { share in
                share.moved += 1
                if let before = move.from.instructorId { share.instructorIds.insert(before) }
            }
        }
        for key in result.diff.removed { touch(key) { $0.removed += 1 } }
        for displacement in result.displacements ?? [] {
            var share = shares[displacement.organizationId] ?? Share(organizationId: displacement.organizationId)
            share.displaced += 1
            if let instructor = displacement.was.instructorId { share.instructorIds.insert(instructor) }
            share.cohortIds.formUnion(displacement.cohortIds)
            shares[displacement.organizationId] = share
        }
        self.shares = shares.values.sorted {
            ($0.added + $0.moved + $0.removed + $0.displaced, $0.organizationId.uuidString)
                > ($1.added + $1.moved + $1.removed + $1.displaced, $1.organizationId.uuidString)
        }
    }

    /// Sessions added, moved, removed and displaced in all.
    public var total: (added: Int, moved: Int, removed: Int, displaced: Int) {
        shares.reduce(into: (added: 0, moved: 0, removed: 0, displaced: 0)) { sum, share in
            sum.added += share.added
            sum.moved += share.moved
            sum.removed += share.removed
            sum.displaced += share.displaced
        }
    }
}
