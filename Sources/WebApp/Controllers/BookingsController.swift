import Domain
import Foundation
import Hummingbird
import Service

/// Direct bookings.
struct BookingsController: Sendable {
    let bookings: BookingService

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("centers/:centerId/bookings") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let booking = try await bookings.book(try await request.decodeJSON(as: NewBooking.self, context: context), in: centerId)
            return JSONResponse(status: .created, value: booking, version: booking.version, location: "/bookings/\(booking.id)")
        }
        router.get("centers/:centerId/bookings") { request, context in
            let (from, to) = try request.queryRange()
            let page = try request.queryPage()
            let status = try request.queryEnum("status", as: BookingStatus.self)
            let items = try await bookings.bookings(in: try context.uuidParameter("centerId"), from: from, to: to, status: status, page: page)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("bookings/:bookingId") { _, context in
            let booking = try await bookings.booking(try context.uuidParameter("bookingId"))
            return JSONResponse(value: booking, version: booking.version)
        }
        router.delete("bookings/:bookingId") { request, context in
            let booking = try await bookings.cancel(try context.uuidParameter("bookingId"), version: try request.ifMatchVersion())
            return JSONResponse(value: booking, version: booking.version)
        }
    }
}
