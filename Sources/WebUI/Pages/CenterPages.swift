import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// A manager's `/ui/center`: the center's name and slot length (changed at the version read),
/// its closures, a form to add one and a button to delete one that has not ended.
struct CenterPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("center") { request, context in
            let center = try await services.managedCenter(for: try context.reader())
            return try await centerPage(
                request, context,
                form: Form(pairs: [("name", center.name), ("slotMinutes", "\(center.slotMinutes)")]))
        }
        router.post("center") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                let change = CenterChange(
                    name: form.text("name"),
                    slotMinutes: try BookingForm.number(form.text("slotMinutes"), field: "slotMinutes"))
                _ = try await services.centers.change(
                    center: center.id, change, version: Int(form.text("version")) ?? 0, as: principal)
                return Response.redirect(to: "/ui/center?notice=centerSaved")
            } catch ServiceError.invalid(let error) {
                return try await centerPage(request, context, form: form, errors: errors(error, request, context))
            }
        }
        router.post("center/closures") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                let closure = Closure(
                    from: try form.date("from", field: "from"), to: try form.date("to", field: "to"),
                    reason: form.text("reason"))
                _ = try await services.calendar.addClosure(closure, to: center.id, as: principal)
                return Response.redirect(to: "/ui/center?notice=closureAdded")
            } catch ServiceError.invalid(let error) {
                let echo = Form(pairs: [("name", center.name), ("slotMinutes", "\(center.slotMinutes)")])
                return try await centerPage(
                    request, context, form: echo, closureForm: form, errors: errors(error, request, context))
            }
        }
        router.post("center/closures/:closureId/delete") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            _ = try await Form.read(request, context: context)
            guard let id = context.parameters.get("closureId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            try await services.calendar.removeClosure(id, of: center.id, as: principal)
            return Response.redirect(to: "/ui/center?notice=closureDeleted")
        }
    }

    private func errors(_ error: DomainError, _ request: Request, _ context: some PageContext) -> FieldErrors {
        var errors = FieldErrors()
        errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
            ["name", "slotMinutes", "from", "to", "reason"].contains($0) ? $0 : nil
        }
        return errors
    }

    private func centerPage(
        _ request: Request, _ context: some PageContext, form: Form, closureForm: Form = Form(encoded: ""),
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let today = center.today()
        let closures = try await services.calendar.closures(of: center.id, as: principal).map {
            closure -> [String: Any] in
            [
                "id": closure.id?.uuidString.lowercased() ?? "", "from": dates.day(closure.from),
                "to": dates.day(closure.to), "reason": closure.reason, "deletable": closure.to >= today,
            ]
        }
        let slots = [15, 30, 60].map { minutes -> [String: Any] in
            ["value": "\(minutes)", "selected": "\(minutes)" == form.text("slotMinutes")]
        }
        let values: [String: Any] = [
            "centerName": center.name, "timeZone": center.timeZone, "version": center.version, "form": form.echo,
            "closureForm": closureForm.echo, "errors": errors.values, "closures": closures, "slots": slots,
        ]
        return renderer.page("center", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
