import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `/ui/notices/settings`: which events the reader is told of, e-mail on or off and where, and the
/// language of their notices.
struct NoticeSettingsPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("notices/settings") { request, context in
            let principal = try context.reader()
            return try await page(request, context, try await services.notices.preferences(as: principal))
        }
        router.post("notices/settings") { request, context in
            let principal = try context.reader()
            let form = try await Form.read(request, context: context)
            let chosen = Set(form.all("event"))
            let input = NoticePreferences(
                language: form.text("language"), email: form["email"].flatMap { $0.isEmpty ? nil : $0 },
                emailEnabled: form["emailEnabled"] == "on",
                mutedEvents: NoticeEvent.allCases.filter { !chosen.contains($0.rawValue) })
            do {
                _ = try await services.notices.updatePreferences(
                    input, version: Int(form.text("version")) ?? 0, as: principal)
                return Response.redirect(to: "/ui/notices/settings?notice=noticeSettingsSaved")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    ["email", "language"].contains($0) ? $0 : nil
                }
                var shown = input
                shown.version = Int(form.text("version")) ?? 0
                return try await page(request, context, shown, errors: errors)
            }
        }
    }

    private func page(
        _ request: Request, _ context: some PageContext, _ preferences: NoticePreferences,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let values: [String: Any] = [
            "events": NoticeEvent.allCases.map { event -> [String: Any] in
                [
                    "value": event.rawValue, "label": text("notices_event_\(event.rawValue)"),
                    "checked": !preferences.mutedEvents.contains(event),
                ]
            },
            "languages": NoticePreferences.languages.map {
                ["value": $0, "label": text("notices_language_\($0)"), "selected": $0 == preferences.language]
            },
            "email": preferences.email ?? "", "emailEnabled": preferences.emailEnabled,
            "version": preferences.version, "errors": errors.values,
        ]
        return renderer.page("noticesettings", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
