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
            let booking = try await bookings.book(input, in: centerId, as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: booking, version: booking.version, location: "/bookings/\(booking.id)")
        }
        router.get("centers/:centerId/bookings") { request, context in
            let (from, to) = try request.queryRange()
            let page = try request.queryPage()
            let status = try request.queryEnum("status", as: BookingStatus.self)
            let items = try await bookings.bookings(
                in: try context.uuidParameter("centerId"), from: from, to: to, status: status, page: page,
                as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("bookings/:bookingId") { _, context in
            let booking = try await bookings.booking(
                try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: booking, version: booking.version)
        }
        router.delete("bookings/:bookingId") { request, context in
            let booking = try await bookings.cancel(
                try context.uuidParameter("bookingId"), version: try request.ifMatchVersion(),
                as: try context.requirePrincipal())
            return JSONResponse(value: booking, version: booking.version)
        }
    }
}
