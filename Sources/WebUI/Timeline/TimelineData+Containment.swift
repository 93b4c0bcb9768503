import Domain
import Foundation

extension TimelineData {
    /// How a booking of another resource blocks a row.
    enum Containment {
        /// The row sits inside the booked resource (a booked workshop blocks its machines).
        case inBooked
        /// The booked resource sits inside the row (a booked machine blocks its workshop as a whole).
        case holdsBooked
    }

    /// The bookings that use `resource` itself, in order.
    func bookings(of resource: UUID) -> [ShownBooking] { (uses[resource] ?? []).map { bookings[$0] } }

    /// The bookings that block `resource` through containment, with the booked resource they
    /// block it through; bookings that use `resource` itself are not among them.
    func containing(_ resource: UUID) -> [(booking: ShownBooking, via: UUID, relation: Containment)] {
        let own = Set(uses[resource] ?? [])
        let outer = enclosing(resource).dropFirst().map { ($0, Containment.inBooked) }
        let inner = inside(resource).map { ($0, Containment.holdsBooked) }
        return (outer + inner).flatMap { via, relation in
            (uses[via] ?? []).filter { !own.contains($0) }.map { (bookings[$0], via, relation) }
        }
    }

    /// The resources inside `resource`, however deep (each once, even in a cycle).
    private func inside(_ resource: UUID) -> [UUID] {
        var found: [UUID] = []
        var next = children[resource] ?? []
        while let child = next.popLast() {
            guard child != resource, !found.contains(child) else { continue }
            found.append(child)
            next += children[child] ?? []
        }
        return found
    }
}
