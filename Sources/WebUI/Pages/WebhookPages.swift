import Access
import Domain
import Foundation
import Hummingbird
import Service

/// A coordinator's `/ui/webhooks`: their organization's subscriptions, each with its recent
/// deliveries (the delivery log), a form to add one (its secret shown once) and to stop one.
struct WebhookPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("webhooks") { request, context in
            try await page(request, context)
        }
        router.post("webhooks") { request, context in
            let principal = try context.reader()
            let form = try await Form.read(request, context: context)
            let input = NewWebhookSubscription(
                url: form.text("url"), events: form.all("event").compactMap(NoticeEvent.init(rawValue:)))
            do {
                let created = try await services.webhooks.subscribe(
                    input, for: principal.organizationId, as: principal)
                return try await page(request, context, secret: created.secret)
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    ["url", "events"].contains($0) ? $0 : nil
                }
                return try await page(request, context, form: form, errors: errors)
            }
        }
        router.post("webhooks/:webhookId/deactivate") { request, context in
            let principal = try context.reader()
            _ = try await Form.read(request, context: context)
            guard let id = context.parameters.get("webhookId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            _ = try await services.webhooks.deactivate(id, as: principal)
            return Response.redirect(to: "/ui/webhooks")
        }
    }

    private func page(
        _ request: Request, _ context: some PageContext, secret: String? = nil, form: Form = Form(encoded: ""),
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        guard principal.isCoordinator || principal.has(.admin) else { throw PageError.forbidden }
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        var subscriptions: [[String: Any]] = []
        for subscription in try await services.webhooks.subscriptions(of: principal.organizationId, as: principal) {
            let log = try await services.webhooks.deliveries(of: subscription.id, page: Page(limit: 20), as: principal)
            subscriptions.append([
                "id": subscription.id.uuidString.lowercased(), "url": subscription.url, "active": subscription.active,
                "events": subscription.events.map(\.rawValue).joined(separator: ", "),
                "deliveries": log.map { delivery -> [String: Any] in
                    [
                        "id": delivery.id.uuidString.lowercased(), "event": delivery.event,
                        "status": text("notices_delivery_\(delivery.status.rawValue)"), "attempts": delivery.attempts,
                        "httpStatus": delivery.lastStatus.map(String.init) ?? "", "error": delivery.lastError ?? "",
                    ]
                },
            ])
        }
        var values: [String: Any] = [
            "subscriptions": subscriptions, "form": form.echo, "errors": errors.values,
            "events": NoticeEvent.allCases.map {
                ["value": $0.rawValue, "label": text("notices_event_\($0.rawValue)")]
            },
        ]
        if let secret { values["secret"] = secret }
        return renderer.page("webhooks", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
