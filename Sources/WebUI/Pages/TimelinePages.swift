import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/timeline`: a manager's day, week or month of resources (or week of instructors),
/// filtered by kind, capability and workshop; `POST /ui/timeline/book`: a direct booking from a
/// free cell or span, the clash shown in place when PostgreSQL refuses it;
/// `POST /ui/bookings/{id}/cancel`: the × on a booking; `POST /ui/booking-series`: the form's weekly series.
struct TimelinePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("timeline") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let query = Form(encoded: request.uri.query ?? "")
            let booking = query["resource"] != nil ? BookingForm(query) : nil
            return try await page(request, context, center: center, query: query, booking: booking)
        }
        router.post("timeline/book") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let input = BookingForm(form)
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            var errors = FieldErrors()
            do {
                let booking = try await services.bookings.book(
                    try input.newBooking(dates: dates), in: center.id, as: principal)
                let day = dates.date(of: booking.start)  // back to the day or week it was booked from
                let back = form.text("view") == TimelineView.day.rawValue ? "view=day&day=\(day)" : "week=\(day.monday)"
                return Response.redirect(
                    to: "/ui/timeline?\(back)\(TimelineFilter(form).query)&notice=booked"
                        + "&highlight=\(booking.id.uuidString.lowercased())")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language, map: BookingForm.field(for:))
                return try await page(
                    request, context, center: center, query: form, booking: input, errors: errors,
                    status: .unprocessableContent)
            } catch ServiceError.clash(let message, let clashes) {
                let shown = clashes.map { clash -> [String: String] in
                    [
                        "when": dates.span(clash.start, clash.end),
                        "what": clash.details?.title ?? renderer.strings.text("timeline_occupied", frame.language),
                    ]
                }
                let choices = try await alternatives(to: input, form: form, center: center, dates: dates, as: principal)
                let clash: [String: Any] = [
                    "message": renderer.strings.text("booking_clash", frame.language), "original": message,
                    "items": shown,
                    "alternatives": choices, "hasAlternatives": !choices.isEmpty,
                ]
                return try await page(
                    request, context, center: center, query: form, booking: input, clash: clash, status: .conflict)
            } catch ServiceError.quotaExceeded(let use) {
                let resources = try await services.centers.resources(
                    of: center.id, page: try Page(limit: 500), as: principal)
                let text = QuotaText(
                    strings: renderer.strings, language: frame.language,
                    resourceNames: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first })
                let clash: [String: Any] = [
                    "message": text.refusal(use), "original": use.sentence, "items": [[String: String]](),
                    "hasAlternatives": false,
                ]
                return try await page(
                    request, context, center: center, query: form, booking: input, clash: clash, status: .conflict)
            }
        }
        BookingCancelPage(services: services, renderer: renderer).addRoutes(to: router)
        BookingSeriesPage(services: services, renderer: renderer).addRoutes(to: router)
        BookingPage(services: services, renderer: renderer).addRoutes(to: router)
        BookingEditPage(services: services, renderer: renderer).addRoutes(to: router)
    }

    /// The free alternatives to the booking the form asked for, as one-click choices.
    private func alternatives(
        to input: BookingForm, form: Form, center: Center, dates: DateText, as principal: Principal
    ) async throws -> [[String: Any]] {
        let found = try await services.bookings.alternatives(
            to: try input.newBooking(dates: dates), in: center.id, as: principal)
        let resources = try await services.centers.resources(of: center.id, page: Page(limit: 500), as: principal)
        let choices = AlternativeChoices(
            names: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first }, dates: dates,
            strings: renderer.strings)
        return choices.values(
            found, form: Dictionary(BookingForm.fields.map { ($0, form.text($0)) }) { first, _ in first })
    }

    /// Every organization's quotas at the center with what is left of them now, for the booking form:
    /// "装备集团 · 五轴加工中心 · 学生实训: 6 of 20 h left this month" (the form shows the chosen
    /// organization's).
    private func quotaLines(
        _ center: Center, organizations: [Organization], resources: [Resource], language: Language,
        as principal: Principal
    ) async throws -> [[String: String]] {
        let uses = try await services.quotas.quotas(of: center.id, as: principal)
        let names = Dictionary(organizations.map { ($0.id, $0.name) }) { first, _ in first }
        let text = QuotaText(
            strings: renderer.strings, language: language,
            resourceNames: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first })
        return uses.map { use in
            [
                "organization": use.quota.organizationId.uuidString.lowercased(),
                "organizationName": names[use.quota.organizationId] ?? "",
                "scope": text.scope(use.quota), "left": text.left(use),
            ]
        }
    }

    private func page(
        _ request: Request, _ context: some PageContext, center: Center, query: Form, booking: BookingForm?,
        errors: FieldErrors = FieldErrors(), clash: [String: Any]? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let rows = Timeline.Rows(rawValue: query["rows"] ?? "") ?? .resources
        let view = rows == .resources ? TimelineView(rawValue: query["view"] ?? "") ?? .week : .week
        let anchor =
            query["day"].flatMap(CalendarDate.init(iso:)) ?? query["week"].flatMap(CalendarDate.init(iso:))
            ?? booking.flatMap { CalendarDate(iso: $0.date) } ?? center.today()
        let first = view.first(around: anchor)
        let filter = TimelineFilter(query)
        let tags = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        let whole = try await TimelineData.load(
            center, from: first, length: view.length(from: first), services: services, dates: dates, reader: principal)
        let data = whole.keeping(filter)
        let link = "view=\(view.rawValue)\(filter.query)&"
        let timeline = Timeline(
            data: data, rows: rows, dates: dates, strings: renderer.strings, bookable: true,
            highlight: query["highlight"].flatMap(UUID.init(uuidString:)), link: link, tags: tags)
        var values =
            switch view {
            case .month:
                TimelineMonth(data: data, dates: dates, strings: renderer.strings, link: "view=day\(filter.query)&")
                    .values()
            case .list: timeline.listValues()
            case .day, .week: timeline.values()
            }
        values.merge(
            TimelineNavigation(
                view: view, first: first, length: data.length, rows: rows, filter: filter, dates: dates,
                strings: renderer.strings, today: center.today()
            ).values(resources: whole.resources, tags: tags)
        ) { _, new in new }
        values["centerName"] = center.name
        values["isMonth"] = view == .month
        values["isList"] = view == .list
        values["filter"] = ["kind": filter.kind, "capability": filter.capability, "workshop": filter.workshop]
        values["week"] = first.monday.description
        if rows == .resources, view == .day || view == .week {  // the booking form, on the rows it books from
            let organizations = try await services.organizations.organizations(
                kind: nil, page: Page(limit: 500), as: principal)
            let form = booking ?? BookingForm(Form(encoded: ""))
            var book = form.values(
                open: booking != nil, resources: data.resources, organizations: organizations,
                instructors: data.instructors, strings: renderer.strings, language: frame.language)
            let quotas = try await quotaLines(
                center, organizations: organizations, resources: data.resources, language: frame.language,
                as: principal)
            book["quotas"] = quotas
            book["hasQuotas"] = !quotas.isEmpty
            values["book"] = book
        }
        values["errors"] = errors.values
        if let clash { values["clash"] = clash }
        return renderer.page("timeline", frame, values, status: status)
    }
}
