// Displacement and make-up (docs/planner.md): when the center's policy has a displacement rule and
// the run places a request of a displacing category, each confirmed booking of a displaced category
// on one resource and one day becomes a session the run may move:
//
//   starts    ← its own start only; the make-up starts (kept apart, for DisplacementStage) are the
//               same hour on each of the next makeUpWithinDays days of the horizon where its classes
//               are free (the resource's and instructor's calendars and every hard rule are the
//               allocator's)
//   priority  ← DisplaceableBooking.priority: no proposal leaves it without a place
//   previous  ← where it is, so least change counts a move

import Allocator
import Domain
import Foundation

extension ProblemBuilder {
    /// Whether this run may move `booking` to a make-up (see above).
    func isDisplaceable(_ booking: Booking) -> Bool {
        guard let rule = displacementRule, rule.displaces.contains(booking.category), booking.resources.count == 1,
            resourceIndex[booking.resources[0].resourceId] != nil
        else { return false }
        return snapshot.grid.pieces(from: booking.start, to: booking.end).count == 1
    }

    /// The center's rule, when this run places a request of a category it lets displace.
    var displacementRule: DisplacementRule? {
        guard displacing, let rule = snapshot.policy.displacement,
            snapshot.requests.contains(where: { rule.by.contains($0.category) })
        else { return nil }
        return rule
    }

    /// Adds a displaceable booking where it is, with its make-up starts noted.
    mutating func addDisplaceable(_ booking: Booking) {
        let piece = snapshot.grid.pieces(from: booking.start, to: booking.end)[0]
        let use = booking.resources[0]
        var movable = session(of: booking, piece: piece, use: use, first: true)
        movable.priority = DisplaceableBooking.priority
        let instructor = booking.instructorId.flatMap { instructorIndex[$0] }
        let original = Assignment(
            start: piece.start, resource: resourceIndex[use.resourceId]!, instructor: instructor,
            secondInstructor: instructor != nil ? booking.secondInstructorId.flatMap { instructorIndex[$0] } : nil)
        let index = planning.add(movable, origin: .booking(booking.id))
        keepOpen(booking, piece: piece, resource: original.resource, first: true, session: index)
        planning.displaceable[index] = DisplaceableBooking(
            booking: booking, original: original, makeUpStarts: makeUpStarts(movable, from: piece.start))
    }

    /// The same hour on each following day within the rule's window and the horizon, where the
    /// session's classes are free.
    private func makeUpStarts(_ session: Session, from start: Int) -> [Int] {
        let grid = snapshot.grid
        let days = displacementRule?.makeUpWithinDays ?? 0
        var candidate = session
        candidate.durations = nil
        candidate.allowedStarts = (1...max(1, days)).map { start + $0 * grid.slotsPerDay }.filter {
            $0 + session.duration <= grid.horizon.slotCount
        }
        return insideClassFreeTimes(candidate).session.allowedStarts ?? []
    }
}
