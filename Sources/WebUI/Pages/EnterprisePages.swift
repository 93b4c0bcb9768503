import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// An enterprise or SME coordinator's pages: `GET /ui/enterprise` (own requests with state and
/// reason, forms to request upskilling and a pilot run, the own timetable and the center's week
/// in which other organizations' bookings are only "occupied") and `GET /ui/enterprise/courses`
/// (the shared-employee catalogue, buying seats).
struct EnterprisePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("enterprise") { request, context in
            try await enterprisePage(
                request, context,
                form: Form(
                    encoded: "participants=12&days=3&trainingType=onJob" + Self.eveningsAndSaturdays + Self.twoParts))
        }
        router.post("enterprise/requests") { request, context in
            let principal = try context.reader(holding: .enterpriseCoordinator)
            let center = try await services.center(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            let pilot = form["kind"] == "pilot"
            do {
                let details: RequestDetails =
                    pilot
                    ? .pilotProduction(try Self.pilotDetails(form)) : .employeeUpskilling(try CourseForm.details(form))
                let title = pilot ? form.text("pilotTitle") : form.text("course")
                _ = try await services.requests.create(
                    NewRequest(organizationId: principal.organizationId, title: title, details: details, submit: true),
                    in: center.id, as: principal)
                return Response.redirect(to: "/ui/enterprise?notice=requested")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    let name = field.replacingOccurrences(of: "details/", with: "")
                    if name == "title" { return pilot ? "pilotTitle" : "course" }
                    return pilot ? Self.pilotField(name) : CourseForm.field(name, form: form)
                }
                return try await enterprisePage(request, context, form: form, errors: errors)
            }
        }
        addCourseRoutes(to: router)
    }

    /// The upskilling form's first parts: two theory sessions in any classroom, then practice.
    static let twoParts =
        "&part1Kind=theory&part1Minutes=120&part1Sessions=2&part2Kind=practice&part2Minutes=180&part2Sessions=6"

    /// The upskilling form's first look: weekday evenings and Saturdays, as most enterprises ask.
    static let eveningsAndSaturdays =
        "&allowed1Days=1&allowed1Days=2&allowed1Days=3&allowed1Days=4&allowed1Days=5&allowed1From=18:00&allowed1To=21:30"
        + "&allowed2Days=6&allowed2From=08:00&allowed2To=17:00"

    /// The form's allowed-time rows that were filled in (weekdays and a span each), and which row
    /// each came from; no row filled in means any open time.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `details/allowedTimes/N/from|to` for a time that does not parse.
    static func allowedTimes(_ form: Form) throws -> (times: [EmployeeUpskillingDetails.AllowedTime]?, rows: [Int]) {
        let rows = allowedTimeRows(form)
        let times = try rows.enumerated().map { index, row in
            EmployeeUpskillingDetails.AllowedTime(
                weekdays: form.all("allowed\(row)Days").compactMap(Int.init),
                from: try form.time("allowed\(row)From", field: "details/allowedTimes/\(index)/from"),
                to: try form.time("allowed\(row)To", field: "details/allowedTimes/\(index)/to"))
        }
        return (times.isEmpty ? nil : times, rows)
    }

    /// The allowed-time rows of the form that were filled in.
    static func allowedTimeRows(_ form: Form) -> [Int] {
        (1...2).filter { row in
            !form.all("allowed\(row)Days").isEmpty || !form.text("allowed\(row)From").isEmpty
                || !form.text("allowed\(row)To").isEmpty
        }
    }

    /// The allowed-time rows of the form as the template shows them, each with its error.
    static func allowedRowValues(_ form: Form, errors: FieldErrors, text: (String) -> String) -> [[String: Any]] {
        (1...2).map { row -> [String: Any] in
            let days = Set(form.all("allowed\(row)Days"))
            let messages = errors.values
            var values: [String: Any] = [
                "n": row, "from": form.text("allowed\(row)From"), "to": form.text("allowed\(row)To"),
                "days": (1...7).map {
                    ["value": "\($0)", "label": text("weekday_\($0)"), "checked": days.contains("\($0)")]
                },
            ]
            // only a row with an error gets one: a nil inside `Any` would read as true
            let error = messages["allowed\(row)Days"] ?? messages["allowed\(row)From"] ?? messages["allowed\(row)To"]
            if let error { values["error"] = error }
            return values
        }
    }

    /// The form field of an error on `allowedTimes/N/…`: that row's days, start or end.
    static func allowedTimeField(_ name: String, rows: [Int]) -> String {
        let parts = name.split(separator: "/")
        let row = parts.count > 1 ? Int(parts[1]).flatMap { rows.indices.contains($0) ? rows[$0] : nil } ?? 1 : 1
        let part = parts.count > 2 ? parts[2] : "from"
        return "allowed\(row)" + (part == "weekdays" ? "Days" : part == "to" ? "To" : "From")
    }

    private func enterprisePage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader(holding: .enterpriseCoordinator)
        let center = try await services.center(for: principal)
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let query = Form(encoded: request.uri.query ?? "")
        let monday = (query["week"].flatMap(CalendarDate.init(iso:)) ?? center.today()).monday
        let own = try await services.timetables.timetable(
            of: .organization(principal.organizationId), from: dates.midnight(monday),
            to: dates.midnight(monday.adding(days: 7)),
            page: Page(limit: 500), as: principal)
        let data = try await TimelineData.load(
            center, from: monday, services: services, dates: dates, reader: principal)
        var values = Timeline(
            data: data, rows: .resources, dates: dates, strings: renderer.strings, bookable: false,
            highlight: nil
        ).values()
        values.merge([
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "requests": try await OwnRequests(
                services: services, reader: principal, centerId: center.id, strings: renderer.strings,
                language: frame.language
            )
            .rows { $0 != .studentTraining },
            "entries": EntryRows(dates: dates, strings: renderer.strings).rows(own),
            "course": CourseForm.values(
                form, errors: errors, action: "/ui/enterprise/requests",
                types: TrainingType.allCases.filter { !$0.isForTeachers },
                picker: try await TagPicker.load(
                    services, center: center.id, reader: principal, language: frame.language),
                trainers: try await services.organizations.affiliatedInstructors(
                    of: principal.organizationId, page: Page(limit: 200), as: principal),
                text: { renderer.strings.text($0, frame.language) }),
            "lines": data.resources.filter { $0.kind == .equipmentLine }.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == form.text("line").lowercased(),
                ]
            },
            "pilot": Self.pilotValues(
                form, resources: data.resources, text: { renderer.strings.text($0, frame.language) }),
            "allowedRows": Self.allowedRowValues(
                form, errors: errors, text: { renderer.strings.text($0, frame.language) }),
            "week": monday.description, "previous": monday.adding(days: -7).description,
            "next": monday.adding(days: 7).description,
            "weekLabel": "\(dates.day(monday)) – \(dates.day(monday.adding(days: 6)))",
        ]) { _, new in new }
        return renderer.page("enterprise", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
