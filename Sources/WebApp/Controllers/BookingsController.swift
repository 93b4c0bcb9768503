import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Direct bookings.
struct BookingsController: Sendable {
    let bookings: BookingService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/bookings") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewBooking.self, context: context)
            try context.authorize(
                .create,
                .work(Work(centerId: centerId, organizationId: input.organizationId, category: input.category)),
                entity: "booking")
            let booking: Booking
            do {
                booking = try await bookings.book(input, in: centerId, by: try context.actor())
            } catch ServiceError.clash(let detail, let clashes) {
                throw ProblemDetails.bookingClash(detail, clashes, audience: try context.audience(at: centerId))
            }
            return JSONResponse(
                status: .created, value: booking, version: booking.version, location: "/bookings/\(booking.id)")
        }
        router.get("centers/:centerId/bookings") { request, context in
            let (from, to) = try request.queryRange()
            let page = try request.queryPage()
            let status = try request.queryEnum("status", as: BookingStatus.self)
            let centerId = try context.uuidParameter("centerId")
            let audience = try context.audience(at: centerId)
            let items = try await bookings.bookings(in: centerId, from: from, to: to, status: status, page: page)
            return JSONResponse(
                value: Listing(
                    items: items.map { ShownBooking($0, to: audience) }, limit: page.limit, offset: page.offset))
        }
        router.get("bookings/:bookingId") { _, context in
            let booking = try await bookings.booking(try context.uuidParameter("bookingId"))
            try context.authorize(.read, .work(Work(booking)), entity: "booking")
            return JSONResponse(value: booking, version: booking.version)
        }
        router.delete("bookings/:bookingId") { request, context in
            let id = try context.uuidParameter("bookingId")
            try context.authorize(.change, .work(Work(try await bookings.booking(id))), entity: "booking")
            let booking = try await bookings.cancel(id, version: try request.ifMatchVersion(), by: try context.actor())
            return JSONResponse(value: booking, version: booking.version)
        }
    }
}
