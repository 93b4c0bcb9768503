import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// The national calendar: `/ui/calendar?year=Y` lists a year's holidays and make-up days, lets an
/// admin choose which weekday's timetable each make-up day runs, and loads a later year from a
/// CSV (checked first, its bad rows listed by line, column and rule; all or nothing).
struct CalendarPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("calendar") { request, context in
            try await calendarPage(request, context, year: Self.year(request), form: [:])
        }
        router.post("calendar/makeup") { request, context in
            let form = try await Form.read(request, context: context)
            let principal = try context.reader()
            guard let year = Int(form.text("year")) else { throw PageError.notFound }
            let days = try await services.calendar.calendarDays(year: year, as: principal).map { day in
                var day = day
                if day.kind == .makeupWorkday, let weekday = Int(form.text("follows_\(day.date)")) {
                    day.followsWeekday = weekday
                }
                return day
            }
            _ = try await services.calendar.setCalendarDays(days, year: year, as: principal)
            return Response.redirect(to: "/ui/calendar?year=\(year)&notice=calendarSaved")
        }
        router.post("calendar/import") { request, context in
            let form = try await Form.read(request, context: context)
            let rule = MakeupRule(text: form.text("makeupWeekday"))
            let csv = HolidayCSV(text: form.text("csv"), makeupRule: rule)
            let principal = try context.reader()
            let dryRun = form.text("action") != "import" || !csv.errors.isEmpty
            let result = try await services.calendar.importDays(csv, dryRun: dryRun, as: principal)
            if !dryRun {
                let year = result.days.first?.date.year ?? Self.year(request)
                return Response.redirect(to: "/ui/calendar?year=\(year)&notice=calendarImported")
            }
            return try await calendarPage(
                request, context, year: result.days.first?.date.year ?? Self.year(request), form: form.echo,
                check: result)
        }
    }

    /// The `year` query parameter, else the current year at Shanghai.
    static func year(_ request: Request) -> Int {
        request.uri.queryParameters["year"].flatMap { Int(String($0)) }.flatMap {
            (2000...2100).contains($0) ? $0 : nil
        }
            ?? Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    private func calendarPage(
        _ request: Request, _ context: some PageContext, year: Int, form: [String: String],
        check: CalendarImport? = nil
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let days = try await services.calendar.calendarDays(year: year, as: principal)
        let weekdays = (1...7).map { (value: $0, label: text("weekday_\($0)")) }
        let chosenRule = form["makeupWeekday"] ?? "same-as-holiday"
        let ruleOptions =
            [(value: "same-as-holiday", label: text("calendar_sameAsHoliday"))]
            + weekdays.map { (value: "\($0.value)", label: $0.label) } + [
                (value: "", label: text("calendar_ruleColumn"))
            ]
        var values: [String: Any] = [
            "year": year, "previous": year - 1, "next": year + 1, "admin": principal.has(.admin),
            "canSave": principal.has(.admin) && days.contains { $0.kind == .makeupWorkday },
            "csv": form["csv"] ?? "",
            "days": days.map { day -> [String: Any] in
                [
                    "date": day.date.description, "name": day.name, "weekday": text("weekday_\(day.date.isoWeekday)"),
                    "makeup": day.kind == .makeupWorkday,
                    "options": weekdays.map {
                        ["value": $0.value, "label": $0.label, "selected": $0.value == day.followsWeekday]
                    },
                ]
            },
            "rules": ruleOptions.map { ["value": $0.value, "label": $0.label, "selected": $0.value == chosenRule] },
        ]
        if let check {
            values["check"] =
                [
                    "days": check.days.count, "years": check.changedYears.map(String.init).joined(separator: ", "),
                    "errors": check.errors.map {
                        ["line": $0.line, "column": $0.column, "rule": $0.rule, "message": $0.message]
                    },
                    "clean": check.errors.isEmpty,
                ] as [String: Any]
        }
        return renderer.page(
            "calendar", frame, values, status: (check?.errors.isEmpty ?? true) ? .ok : .unprocessableContent)
    }
}
