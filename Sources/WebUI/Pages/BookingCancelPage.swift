import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// Cancelling a booking asks first: `GET /ui/bookings/{id}/cancel?version=N` shows the booking
/// and asks for the reason; `POST` cancels it at that version with the reason (kept in its audit
/// row), then shows the week again. Without a reason the question is asked again (422).
struct BookingCancelPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("bookings/:bookingId/cancel") { request, context in
            let id = try Self.id(context)
            let version = Int(request.uri.queryParameters["version"].map(String.init) ?? "") ?? 0
            return try await page(request, context, id: id, version: version, typed: "")
        }
        router.post("bookings/:bookingId/cancel") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let id = try Self.id(context)
            guard let version = Int(form.text("version")) else { throw PageError.notFound }
            let frame = PageFrame(request, context: context)
            var errors = FieldErrors()
            do {
                guard let reason = form["reason"], !reason.isEmpty else {
                    throw ServiceError.invalid(
                        DomainError(field: "reason", rule: "required", message: "Say why the booking is cancelled."))
                }
                let cancelled = try await services.bookings.cancel(id, version: version, reason: reason, as: principal)
                let week = DateText(language: frame.language, timeZone: center.zone).date(of: cancelled.start).monday
                return Response.redirect(to: "/ui/timeline?week=\(week)&notice=cancelled")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language) { _ in "reason" }
                return try await page(
                    request, context, id: id, version: version, typed: form.text("reason"), errors: errors)
            }
        }
    }

    private static func id(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("bookingId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func page(
        _ request: Request, _ context: some PageContext, id: UUID, version: Int, typed: String,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let booking = try await services.bookings.booking(id, as: principal)
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        return renderer.page(
            "cancel", frame,
            [
                "id": id.uuidString.lowercased(), "title": booking.title,
                "when": dates.span(booking.start, booking.end),
                "version": version, "typed": typed, "errors": errors.values,
                "category": renderer.strings.text("category_\(booking.category.rawValue)", frame.language),
                "back": "/ui/timeline?week=\(dates.date(of: booking.start).monday)",
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
