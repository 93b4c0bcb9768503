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
            let caller = try context.requirePrincipal()
            let booking: Booking
            do {
                booking = try await bookings.book(input, in: centerId, as: caller)
            } catch ServiceError.clash(let detail, let inTheWay) {
                throw try await clash(
                    detail, inTheWay, alternatives: bookings.alternatives(to: input, in: centerId, as: caller))
            }
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
        router.get("bookings/:bookingId/displacements") { _, context in
            let items = try await bookings.displacements(
                bookingId: try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: items.count, offset: 0))
        }
        router.get("organizations/:organizationId/displacements") { _, context in
            let items = try await bookings.displacements(
                organizationId: try context.uuidParameter("organizationId"), as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: 100, offset: 0))
        }
        router.patch("bookings/:bookingId") { request, context in
            let id = try context.uuidParameter("bookingId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: BookingChange.self, context: context)
            let caller = try context.requirePrincipal()
            do {
                let moved = try await bookings.move(id, change, version: version, as: caller)
                return JSONResponse(value: moved, version: moved.version)
            } catch ServiceError.clash(let detail, let inTheWay) {
                let booking = try await bookings.booking(id, as: caller)
                throw try await clash(
                    detail, inTheWay,
                    alternatives: bookings.alternatives(
                        to: change.applied(to: booking), in: booking.centerId, except: booking, as: caller))
            }
        }
        router.delete("bookings/:bookingId") { request, context in
            let booking = try await bookings.cancel(
                try context.uuidParameter("bookingId"), version: try request.ifMatchVersion(),
                as: try context.requirePrincipal())
            return JSONResponse(value: booking, version: booking.version)
        }
    }

    /// The 409 of a refused booking, with the nearest free alternatives beside what is in the way.
    private func clash(
        _ detail: String, _ inTheWay: [ShownBooking], alternatives: [BookingAlternative]
    )
        -> ProblemDetails
    {
        var problem = ProblemDetails.bookingClash(detail, inTheWay)
        problem.alternatives = alternatives
        return problem
    }
}
