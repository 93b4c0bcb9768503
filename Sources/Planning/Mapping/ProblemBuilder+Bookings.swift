import Allocator
import Domain
import Foundation

extension ProblemBuilder {
    /// Confirmed bookings that no request being planned holds become pinned sessions, one per
    /// resource and day, so they take their capacity, instructor and cohorts and set off changeovers.
    mutating func addPinnedBookings() {
        for booking in snapshot.bookings where !isReplanned(booking) {
            if isDisplaceable(booking) {
                addDisplaceable(booking)
                continue
            }
            let instructor = booking.instructorId.flatMap { instructorIndex[$0] }
            let second = booking.secondInstructorId.flatMap { instructorIndex[$0] }
            for piece in snapshot.grid.pieces(from: booking.start, to: booking.end) {
                for (position, use) in booking.resources.enumerated() {
                    guard let resource = resourceIndex[use.resourceId] else { continue }
                    let first = position == 0
                    let pinned = session(of: booking, piece: piece, use: use, first: first)
                    let index = planning.add(pinned, origin: .booking(booking.id))
                    planning.problem.pinned[index] = Assignment(
                        start: piece.start, resource: resource, instructor: first ? instructor : nil,
                        secondInstructor: first && instructor != nil ? second : nil)
                    keepOpen(booking, piece: piece, resource: resource, first: first, session: index)
                }
            }
        }
    }

    /// The session a booking's piece (one resource, one day) stands for: its capacity, instructors
    /// and cohorts (on its first resource), a pilot run's changeover and hall.
    mutating func session(
        of booking: Booking, piece: (start: Int, duration: Int), use: Booking.Use, first: Bool
    ) -> Session {
        let resource = resourceIndex[use.resourceId]!
        let whole = snapshot.resources[resource]
        let instructor = booking.instructorId.flatMap { instructorIndex[$0] }
        let second = booking.secondInstructorId.flatMap { instructorIndex[$0] }
        let cohorts = first ? booking.cohortIds.compactMap { cohort($0) } : []
        return keepingRun(
            Session(
                name: "booking \(booking.title)", duration: piece.duration, allowedStarts: [piece.start],
                participants: booking.participants, category: booking.category.session,
                organization: organization(booking.organizationId), cohorts: cohorts,
                resourceNeed: ResourceNeed(
                    units: use.stations ?? (whole.kind == .workstationPool ? whole.seats : 1),
                    eligibleResources: [resource]),
                needsInstructor: first && instructor != nil, eligibleInstructors: instructor.map { [$0] },
                secondInstructor: first && instructor != nil && second != nil
                    ? SecondInstructorNeed(eligibleInstructors: second.map { [$0] }) : nil),
            of: booking, piece: piece)
    }

    /// Opens the calendar to a booking where it already is, whatever the calendar says now.
    mutating func keepOpen(
        _ booking: Booking, piece: (start: Int, duration: Int), resource: Int, first: Bool, session index: Int
    ) {
        let slots = Set(piece.start..<(piece.start + piece.duration))
        pinnedResourceSlots[resource, default: []].formUnion(slots)
        guard first else { return }
        let teachers = [booking.instructorId, booking.secondInstructorId].compactMap {
            $0.flatMap { instructorIndex[$0] }
        }
        for teacher in teachers { pinnedInstructorSlots[teacher, default: []].formUnion(slots) }
        notePinnedGroup(booking, session: index)
    }

    /// Whether a booking holds a session of a request this run places (it may move, so it is not pinned).
    func isReplanned(_ booking: Booking) -> Bool {
        snapshot.links[booking.id].map { planning.requests[$0.requestId] != nil } ?? false
    }

    /// Where the published schedule has the sessions being planned (and the bookings it may displace):
    /// the solver starts from there and the least-change constraint counts the sessions it moves.
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
        for (session, displaceable) in planning.displaceable {
            previous.assignments[session] = displaceable.original
            any = true
        }
        planning.problem.previous = any ? previous : nil
    }
}
