import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/bookings/{id}`: one booking as the reader may see it (in full, or an occupied block),
/// with the actions the reader may take: move or edit it, cancel it, cancel the rest of its series.
struct BookingPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("bookings/:bookingId") { request, context in
            let principal = try context.reader()
            let id = try BookingEditPage.id(context)
            let found: (booking: ShownBooking, center: Center)
            do {
                found = try await services.bookings.shown(id, as: principal)
            } catch ServiceError.notFound {
                throw PageError.notFound
            }
            return try await page(
                PageFrame(request, context: context), shown: found.booking, id: id, center: found.center, as: principal)
        }
        router.post("booking-series/:seriesId/cancel") { request, context in
            let principal = try context.reader()
            guard let seriesId = context.parameters.get("seriesId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            let form = try await Form.read(request, context: context)
            guard let booking = UUID(uuidString: form.text("booking")) else { throw PageError.notFound }
            let back = "/ui/bookings/\(booking.uuidString.lowercased())"
            do {
                _ = try await services.bookings.cancelSeries(seriesId, reason: form.text("reason"), as: principal)
            } catch ServiceError.invalid {
                return Response.redirect(to: back + "#series")  // the field is required: only a script sends none
            }
            return Response.redirect(to: back + "?notice=cancelled")
        }
    }

    private func page(
        _ frame: PageFrame, shown: ShownBooking, id: UUID, center: Center, as principal: Principal
    ) async throws -> Response {
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let resources = try await services.centers.resources(of: center.id, page: Page(limit: 500), as: principal)
        let names = Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first }
        let language = frame.language
        let booking = shown.details
        let live = shown.status == .confirmed && shown.mayChange
        var values: [String: Any] = [
            "id": id.uuidString.lowercased(),
            "title": booking.map { SessionTitle.text($0.title, in: language) }
                ?? renderer.strings.text("timeline_occupied", language),
            "when": dates.span(shown.start, shown.end),
            "resources": shown.resources.map { names[$0.resourceId] ?? "" }.joined(separator: "、"),
            "status": renderer.strings.text("bookingPage_status_\(shown.status.rawValue)", language),
            "week": dates.date(of: shown.start).monday.description, "mayChange": live,
        ]
        if let booking {
            values["category"] = renderer.strings.text("category_\(booking.category.rawValue)", language)
            values["participants"] = booking.participants
            values["version"] = booking.version
            if let seriesId = booking.seriesId, live { values["series"] = seriesId.uuidString.lowercased() }
            let moves: [BookingDisplacement]
            do {
                moves = try await services.bookings.displacements(bookingId: id, as: principal)
            } catch ServiceError.forbidden, ServiceError.notFound {
                moves = []  // shown in full to the center's readers, but not theirs to follow
            }
            values["makeUps"] = moves.map {
                renderer.strings.text("bookingPage_makeUp", language)
                    .replacingOccurrences(of: "{was}", with: dates.span($0.wasStart, $0.wasEnd))
                    .replacingOccurrences(
                        of: "{by}",
                        with: $0.by.map { renderer.strings.text("category_\($0.rawValue)", language) }
                            .joined(separator: ", "))
            }
        }
        return renderer.page("booking", frame, values)
    }
}
