import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// A weekly series from the timeline's booking form: `POST /ui/booking-series` without `onClash`
/// previews every occurrence (booked, skipped on a closed day, or the clash); with `onClash`
/// (`skip` or `none`, the preview's two buttons) it books, then shows the week of the first.
struct BookingSeriesPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.post("booking-series") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            let choice = SeriesClashChoice(rawValue: form.text("onClash"))
            var problems = FieldErrors()
            do {
                let series = try Self.series(form, dates: dates, choice: choice)
                let outcome = try await services.bookings.bookSeries(series, in: center.id, as: principal)
                guard outcome.written else {
                    return page(frame, form, dates: dates, outcome: outcome, back: Self.back(form, dates))
                }
                return Response.redirect(
                    to: "/ui/timeline?week=\(dates.date(of: series.booking.start).monday)&notice=seriesBooked")
            } catch ServiceError.invalid(let error) {
                problems.add(error, strings: renderer.strings, language: frame.language) { _ in nil }
            } catch ServiceError.clash {
                // all or none, and an occurrence clashes since the preview: show it again
                let again = try Self.series(form, dates: dates, choice: nil)
                let outcome = try await services.bookings.bookSeries(again, in: center.id, as: principal)
                return page(
                    frame, form, dates: dates, outcome: outcome, back: Self.back(form, dates), status: .conflict,
                    message: renderer.strings.text("series_nothingBooked", frame.language))
            }
            return page(
                frame, form, dates: dates, outcome: nil, back: Self.back(form, dates), problems: problems,
                status: .unprocessableContent)
        }
    }

    /// The series the form asks for: its booking, `weeks` or `until`, previewed unless a choice was made.
    private static func series(_ form: Form, dates: DateText, choice: SeriesClashChoice?) throws -> NewBookingSeries {
        let until = form.text("until")
        guard until.isEmpty || CalendarDate(iso: until) != nil else {
            throw ServiceError.invalid(
                DomainError(field: "until", rule: "date", message: "The last day ('\(until)') is not a date."))
        }
        return NewBookingSeries(
            booking: try BookingForm(form).newBooking(dates: dates),
            weeks: try BookingForm.number(form.text("weeks"), field: "weeks"), until: CalendarDate(iso: until),
            preview: choice == nil, onClash: choice ?? .allOrNone)
    }

    /// The timeline's week of the form's date, its booking form filled in again.
    private static func back(_ form: Form, _ dates: DateText) -> String {
        var parts = URLComponents()
        parts.queryItems = BookingForm.fields.map { URLQueryItem(name: $0, value: form.text($0)) }
        return "/ui/timeline?" + (parts.percentEncodedQuery ?? "") + "#book"
    }

    private func page(
        _ frame: PageFrame, _ form: Form, dates: DateText, outcome: SeriesOutcome?, back: String,
        problems: FieldErrors = FieldErrors(), status: HTTPResponse.Status = .ok, message: String? = nil
    ) -> Response {
        let language = frame.language
        let occurrences = (outcome?.occurrences ?? []).map { occurrence -> [String: Any] in
            [
                "kind": occurrence.outcome.rawValue, "when": dates.span(occurrence.start, occurrence.end),
                "outcome": renderer.strings.text("series_\(occurrence.outcome.rawValue)", language),
                "reason": occurrence.rule.flatMap { renderer.strings.rule($0, language) } ?? occurrence.detail ?? "",
                "inTheWay": occurrence.inTheWay.map {
                    "\($0.details?.title ?? renderer.strings.text("timeline_occupied", language)) (\(dates.span($0.start, $0.end)))"
                },
            ]
        }
        let count = { (kind: SeriesOccurrence.Outcome) in occurrences.count { $0["kind"] as? String == kind.rawValue } }
        return renderer.page(
            "series", frame,
            [
                "occurrences": occurrences, "booked": count(.booked), "skipped": count(.skipped),
                "clashes": count(.clash), "hasOutcome": outcome != nil, "back": back, "message": message ?? "",
                "problems": problems.values.values.map { $0 },
                "fields": BookingForm.fields.map { ["name": $0, "value": form.text($0)] },
            ], status: status)
    }
}
