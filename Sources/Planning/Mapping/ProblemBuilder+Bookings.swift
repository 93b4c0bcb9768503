import Allocator
import Domain
import Foundation

extension ProblemBuilder {
    /// Confirmed bookings that no request being planned holds become pinned sessions, one per
    /// resource and day, so they take their capacity, instructor and cohorts and set off changeovers.
    mutating func addPinnedBookings() {
        for booking in snapshot.bookings where !isReplanned(booking) {
            let instructor = booking.instructorId.flatMap { instructorIndex[$0] }
            let second = booking.secondInstructorId.flatMap { instructorIndex[$0] }
            let cohorts = booking.cohortIds.compactMap { cohort($0) }
            for piece in snapshot.grid.pieces(from: booking.start, to: booking.end) {
                let slots = Set(piece.start..<(piece.start + piece.duration))
                for (position, use) in booking.resources.enumerated() {
                    guard let resource = resourceIndex[use.resourceId] else { continue }
                    let whole = snapshot.resources[resource]
                    let first = position == 0
                    let session = keepingRun(
                        Session(
                            name: "booking \(booking.title)", duration: piece.duration, allowedStarts: [piece.start],
                            participants: booking.participants, category: booking.category.session,
                            organization: organization(booking.organizationId), cohorts: first ? cohorts : [],
                            resourceNeed: ResourceNeed(
                                units: use.stations ?? (whole.kind == .workstationPool ? whole.seats : 1),
                                eligibleResources: [resource]),
                            needsInstructor: first && instructor != nil, eligibleInstructors: instructor.map { [$0] },
                            secondInstructor: first && instructor != nil && second != nil
                                ? SecondInstructorNeed(eligibleInstructors: second.map { [$0] }) : nil),
                        of: booking, piece: piece)
                    let index = planning.add(session, origin: .booking(booking.id))
                    planning.problem.pinned[index] = Assignment(
                        start: piece.start, resource: resource, instructor: first ? instructor : nil,
                        secondInstructor: first && instructor != nil ? second : nil)
                    pinnedResourceSlots[resource, default: []].formUnion(slots)
                    if first {
                        for teacher in [instructor, second].compactMap({ $0 }) {
                            pinnedInstructorSlots[teacher, default: []].formUnion(slots)
                        }
                        notePinnedGroup(booking, session: index)
                    }
                }
            }
        }
    }

    /// Whether a booking holds a session of a request this run places (it may move, so it is not pinned).
    func isReplanned(_ booking: Booking) -> Bool {
        snapshot.links[booking.id].map { planning.requests[$0.requestId] != nil } ?? false
    }

    /// Where the published schedule has the sessions being planned: the solver starts from there and
    /// the least-change constraint counts the sessions it moves.
    mutating func addPrevious() {
        var previous = Solution(sessionCount: planning.problem.sessions.count)
        var any = false
        for booking in snapshot.bookings where isReplanned(booking) {
            guard let key = snapshot.links[booking.id], let session = planning.sessionIndex[key],
                let start = snapshot.grid.slot(of: booking.start), let use = booking.resources.first,
                let resource = resourceIndex[use.resourceId]
            else { continue }
            previous.assignments[session] = Assignment(
                start: start, resource: resource, instructor: booking.instructorId.flatMap { instructorIndex[$0] },
                secondInstructor: booking.secondInstructorId.flatMap { instructorIndex[$0] })
            any = true
        }
        planning.problem.previous = any ? previous : nil
    }
}
