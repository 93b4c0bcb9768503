import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// Moving or editing a booking: `GET /ui/bookings/{id}/edit` shows its time, resource, title and
/// participants to change and asks why; `POST` moves it at the version shown, then shows the
/// booking. A refusal keeps what was typed: the fields' rules beside them, a clash with what is in
/// the way.
struct BookingEditPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("bookings/:bookingId/edit") { request, context in
            let principal = try context.reader()
            let booking = try await services.bookings.booking(try Self.id(context), as: principal)
            let center = try await services.centers.center(booking.centerId, as: principal)
            let frame = PageFrame(request, context: context)
            let form = BookingEditForm(booking, dates: DateText(language: frame.language, timeZone: center.zone))
            return try await page(frame, booking: booking, center: center, form: form, as: principal)
        }
        router.post("bookings/:bookingId/edit") { request, context in
            let principal = try context.reader()
            let booking = try await services.bookings.booking(try Self.id(context), as: principal)
            let center = try await services.centers.center(booking.centerId, as: principal)
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            let form = BookingEditForm(try await Form.read(request, context: context))
            var errors = FieldErrors()
            var clash: [[String: String]] = []
            var choices: [[String: Any]] = []
            do {
                let moved = try await services.bookings.move(
                    booking.id, try form.change(dates: dates), version: Int(form.version) ?? 0, as: principal)
                return Response.redirect(to: "/ui/bookings/\(moved.id.uuidString.lowercased())?notice=edited")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language, map: BookingEditForm.field(for:))
            } catch ServiceError.staleVersion {
                let text = renderer.strings.text("rule_staleVersion", frame.language)
                errors.add(
                    DomainError(field: "", rule: "staleVersion", message: text), strings: renderer.strings,
                    language: frame.language
                ) { _ in nil }
            } catch ServiceError.clash(_, let inTheWay) {
                choices = try await alternatives(
                    to: try form.change(dates: dates), of: booking, form: form, dates: dates, as: principal)
                clash = inTheWay.map {
                    [
                        "when": dates.span($0.start, $0.end),
                        "what": $0.details?.title ?? renderer.strings.text("timeline_occupied", frame.language),
                    ]
                }
            }
            return try await page(
                frame, booking: booking, center: center, form: form, errors: errors, clash: clash,
                alternatives: choices, as: principal, status: errors.isEmpty ? .conflict : .unprocessableContent)
        }
    }

    /// The free alternatives to the change the form asked for, as one-click choices.
    private func alternatives(
        to change: BookingChange, of booking: Booking, form: BookingEditForm, dates: DateText, as principal: Principal
    ) async throws -> [[String: Any]] {
        let found = try await services.bookings.alternatives(
            to: change.applied(to: booking), in: booking.centerId, except: booking, as: principal)
        let resources = try await services.centers.resources(
            of: booking.centerId, page: Page(limit: 500), as: principal)
        let choices = AlternativeChoices(
            names: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first }, dates: dates,
            strings: renderer.strings)
        return choices.values(found, form: form.fields)
    }

    /// The booking id of the path.
    static func id(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("bookingId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func page(
        _ frame: PageFrame, booking: Booking, center: Center, form: BookingEditForm,
        errors: FieldErrors = FieldErrors(),
        clash: [[String: String]] = [], alternatives: [[String: Any]] = [], as principal: Principal,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let resources = try await services.centers.resources(of: center.id, page: Page(limit: 500), as: principal)
        var values = form.values(resources: resources.filter { $0.status == .active })
        values["id"] = booking.id.uuidString.lowercased()
        values["errors"] = errors.values
        values["clash"] = clash
        values["hasClash"] = !clash.isEmpty
        values["alternatives"] = alternatives
        values["hasAlternatives"] = !alternatives.isEmpty
        return renderer.page("bookingedit", frame, values, status: status)
    }
}
