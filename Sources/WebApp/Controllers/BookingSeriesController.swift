import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Weekly series of direct bookings: previewed, booked, read and cancelled together.
struct BookingSeriesController: Sendable {
    let bookings: BookingService

    /// The body of a series' cancellation: why.
    struct Cancellation: Decodable {
        let reason: String
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/booking-series") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewBookingSeries.self, context: context)
            let outcome = try await bookings.bookSeries(input, in: centerId, as: try context.requirePrincipal())
            guard outcome.written else { return JSONResponse(value: outcome) }
            return JSONResponse(status: .created, value: outcome, location: "/booking-series/\(outcome.seriesId)")
        }
        router.get("booking-series/:seriesId") { _, context in
            let items = try await bookings.series(
                try context.uuidParameter("seriesId"), as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: NewBookingSeries.maximumWeeks, offset: 0))
        }
        router.post("booking-series/:seriesId/cancel") { request, context in
            let cancellation = try await request.decodeJSON(as: Cancellation.self, context: context)
            let cancelled = try await bookings.cancelSeries(
                try context.uuidParameter("seriesId"), reason: cancellation.reason,
                as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: cancelled, limit: NewBookingSeries.maximumWeeks, offset: 0))
        }
    }
}
