import Access
import Domain
import Foundation
import Hummingbird
import Service

/// An organization's webhooks and their delivery log.
struct WebhooksController: Sendable {
    let webhooks: WebhookService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("organizations/:organizationId/webhooks") { _, context in
            JSONResponse(
                value: Items(
                    items: try await webhooks.subscriptions(
                        of: try context.uuidParameter("organizationId"), as: try context.requirePrincipal())))
        }
        router.post("organizations/:organizationId/webhooks") { request, context in
            let created = try await webhooks.subscribe(
                try await request.decodeJSON(as: NewWebhookSubscription.self, context: context),
                for: try context.uuidParameter("organizationId"), as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: created, location: "/webhooks/\(created.subscription.id)/deliveries")
        }
        router.post("webhooks/:webhookId/deactivate") { _, context in
            JSONResponse(
                value: try await webhooks.deactivate(
                    try context.uuidParameter("webhookId"), as: try context.requirePrincipal()))
        }
        router.get("webhooks/:webhookId/deliveries") { request, context in
            JSONResponse(
                value: Items(
                    items: try await webhooks.deliveries(
                        of: try context.uuidParameter("webhookId"), page: try request.queryPage(),
                        as: try context.requirePrincipal())))
        }
    }
}
