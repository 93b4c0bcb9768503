import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

extension SetupPages {
    /// `GET|POST /ui/periods`: the center's bell periods (节次), one row per period with the
    /// weekdays it runs on; rows of the same weekdays make one set. Replaced at the version read.
    func addPeriodRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("periods") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let schedule = try await services.calendar.periods(of: center.id, as: principal)
            return try await periodsPage(
                request, context, center: center, rows: PeriodRows(schedule), version: schedule.version ?? 0)
        }
        router.post("periods") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            let rows = PeriodRows(form)
            var errors = FieldErrors()
            let version = Int(form.text("version")) ?? 0
            do {
                _ = try await services.calendar.replacePeriods(
                    try rows.schedule(), of: center.id, version: version, as: principal)
                return Response.redirect(to: "/ui/periods?notice=periodsSaved")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language, map: rows.formField)
            } catch let error as DomainError {
                errors.add(error, strings: renderer.strings, language: frame.language, map: { $0 })
            }
            return try await periodsPage(request, context, center: center, rows: rows, version: version, errors: errors)
        }
    }

    private func periodsPage(
        _ request: Request, _ context: some PageContext, center: Center, rows: PeriodRows, version: Int,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let values: [String: Any] = [
            "centerName": center.name, "version": version, "errors": errors.values,
            "rows": (rows.rows + Array(repeating: PeriodRows.Row(), count: 3)).enumerated().map { index, row in
                errors.adding(
                    [
                        "index": index, "number": row.number, "label": row.label, "start": row.start, "end": row.end,
                        "days": PeriodRows.dayChoices(selected: row.days).map { choice in
                            [
                                "value": choice, "selected": choice == row.days,
                                "label": PeriodRows.dayLabel(choice, text: text),
                            ] as [String: Any]
                        },
                    ],
                    [
                        "daysError": "p_\(index)_days", "numberError": "p_\(index)_number",
                        "labelError": "p_\(index)_label", "startError": "p_\(index)_start",
                        "endError": "p_\(index)_end",
                    ])
            },
        ]
        return renderer.page("periods", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
