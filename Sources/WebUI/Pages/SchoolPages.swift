import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// A school coordinator's pages: `GET /ui/school` (the school's classes, its requests with their
/// state and reason, a form to request a term of weekly practical sessions) and
/// `GET /ui/school/classes/{id}` (a class's timetable); adding and editing classes in
/// `SchoolPages+Classes.swift`.
struct SchoolPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        addClassRoutes(to: router)
        router.get("school") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let center = try await services.center(for: principal)
            let term = Self.defaultTerm(
                try await services.terms.terms(of: center.id, as: principal), today: center.today())
            let weeks = term.map { "term=\($0.id.uuidString.lowercased())&weeks=1-\($0.weeks)" } ?? "weeks=16"
            return try await schoolPage(
                request, context,
                form: Form(
                    encoded: "\(weeks)&sessionsPerWeek=1&sessionMinutes=180&studentsPerStation=2&groupTogether=on"))
        }
        router.post("school/requests") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let center = try await services.center(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                guard let cohortId = UUID(uuidString: form.text("cohort")) else {
                    throw ServiceError.invalid(
                        DomainError(field: "details/cohortId", rule: "required", message: "Choose one of your classes.")
                    )
                }
                let terms = try await services.terms.terms(of: center.id, as: principal)
                let weeks = try Self.weeks(from: form, terms: terms)
                let periods = try BookingForm.number(form.text("sessionPeriods"), field: "details/sessionPeriods")
                var details = StudentTrainingDetails(
                    cohortId: cohortId, courseName: form.text("course"),
                    sessionsPerWeek: try BookingForm.number(
                        form.text("sessionsPerWeek"), field: "details/sessionsPerWeek") ?? 0,
                    weeks: weeks.weeks, startDate: weeks.startDate,
                    sessionMinutes: periods != nil
                        ? nil : try BookingForm.number(form.text("sessionMinutes"), field: "details/sessionMinutes"),
                    capability: form.text("capability"),
                    studentsPerStation: try BookingForm.number(
                        form.text("studentsPerStation"), field: "details/studentsPerStation") ?? 0,
                    instructorSkills: form.all("skills").isEmpty ? [form.text("capability")] : form.all("skills"),
                    preferredWeekdays: form.all("weekdays").compactMap(Int.init), termId: weeks.termId,
                    teachingWeeks: weeks.teachingWeeks,
                    sessionPeriods: periods)
                try Self.readGroups(form, into: &details)
                _ = try await services.requests.requestTraining(details, in: center.id, as: principal)
                return Response.redirect(to: "/ui/school?notice=requested")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    let name = field.replacingOccurrences(of: "details/", with: "")
                    if let group = Self.groupField(name) { return group }
                    if name.hasPrefix("instructorSkills") { return "skills" }
                    if name.hasPrefix("preferredWeekdays") { return "weekdays" }
                    return ["cohortId": "cohort", "courseName": "course", "title": "course", "termId": "term"][name]
                        ?? name
                }
                return try await schoolPage(request, context, form: form, errors: errors)
            }
        }
        router.get("school/classes/:cohortId") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let center = try await services.center(for: principal)
            let cohorts = try await services.organizations.cohorts(
                of: principal.organizationId, page: Page(limit: 500), as: principal)
            guard
                let cohort = cohorts.first(where: {
                    $0.id.uuidString.lowercased() == context.parameters.get("cohortId")?.lowercased()
                })
            else {
                throw PageError.notFound
            }
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            let monday =
                (request.uri.queryParameters["week"].flatMap { CalendarDate(iso: String($0)) } ?? center.today()).monday
            let entries = try await services.timetables.timetable(
                of: .cohort(cohort.id), from: dates.midnight(monday),
                to: dates.midnight(monday.adding(days: 7 * InstructorPages.termWeeks)),
                page: Page(limit: 500), as: principal)
            return renderer.page(
                "class", frame,
                [
                    "cohort": cohort.name, "entries": EntryRows(dates: dates, strings: renderer.strings).rows(entries),
                    "range":
                        "\(dates.day(monday)) – \(dates.day(monday.adding(days: 7 * InstructorPages.termWeeks - 1)))",
                    "previous": monday.adding(days: -7).description, "next": monday.adding(days: 7).description,
                    "id": cohort.id.uuidString.lowercased(),
                ])
        }
    }

    private func schoolPage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader(holding: .schoolCoordinator)
        let center = try await services.center(for: principal)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let cohorts = try await services.organizations.cohorts(
            of: principal.organizationId, page: Page(limit: 500), as: principal)
        let requests = try await OwnRequests(
            services: services, reader: principal, centerId: center.id, strings: renderer.strings,
            language: frame.language
        )
        .rows { $0 == .studentTraining }
        let days = Set(form.all("weekdays"))
        let picker = try await TagPicker.load(services, center: center.id, reader: principal, language: frame.language)
        let terms = try await services.terms.terms(of: center.id, as: principal)
        let displaced = try await DisplacedRows(
            dates: DateText(language: frame.language, timeZone: center.zone), strings: renderer.strings
        ).rows(of: principal.organizationId, services: services, reader: principal)
        return renderer.page(
            "school", frame,
            [
                "centerName": center.name, "form": form.echo, "errors": errors.values, "requests": requests,
                "hasDisplaced": !displaced.isEmpty, "displaced": displaced,
                "classes": cohorts.map {
                    [
                        "id": $0.id.uuidString.lowercased(), "name": $0.name, "size": $0.size,
                        "free": ClassForm.summary($0.availability, text: text), "travel": $0.availability.travelMinutes,
                        "weeks": $0.availability.weeks.map(ClassForm.line).joined(separator: "; "),
                    ] as [String: Any]
                },
                "cohorts": cohorts.map {
                    [
                        "value": $0.id.uuidString.lowercased(), "label": $0.name,
                        "selected": $0.id.uuidString.lowercased() == form.text("cohort").lowercased(),
                    ]
                },
                "terms": Self.termOptions(terms, chosen: form.text("term").lowercased()),
                "weekdays": (1...7).map {
                    ["value": "\($0)", "label": text("weekday_\($0)"), "checked": days.contains("\($0)")]
                },
                "capabilityPicker": picker.field(
                    name: "capability", legend: text("school_capability"), chosen: form.all("capability"),
                    errors: errors),
                "skillPicker": picker.field(
                    name: "skills", legend: text("school_skills"), chosen: form.all("skills"), errors: errors),
                "groups": Self.groupChoices(form, text: text), "together": !form.text("groupTogether").isEmpty,
                "rotationPicker": picker.orderedField(
                    name: "rotation", legend: text("groups_rotation"), chosen: Self.tags(form.all("rotation")),
                    count: 4, errors: errors),
                "mentorPicker": picker.field(
                    name: "mentorSkills", legend: text("groups_mentor"), chosen: form.all("mentorSkills"),
                    errors: errors),
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
