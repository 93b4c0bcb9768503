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

    /// The bookings that block `resource` through containment, with the booked resource they
    /// block it through; bookings that use `resource` itself are not among them.
    func containing(_ resource: UUID) -> [(booking: ShownBooking, via: UUID, relation: Containment)] {
        let outer = Set(enclosing(resource).dropFirst())
        return bookings.filter { !$0.resources.contains { $0.resourceId == resource } }.flatMap { shown in
            shown.resources.compactMap { use -> (booking: ShownBooking, via: UUID, relation: Containment)? in
                if outer.contains(use.resourceId) { return (shown, use.resourceId, .inBooked) }
                if enclosing(use.resourceId).contains(resource) { return (shown, use.resourceId, .holdsBooked) }
                return nil
            }
        }
    }
}
