import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `/ui/quotas`: the center's quotas per organization for its managers: the list with what is
/// used and left now, a form to add one or edit one (`?edit=<id>`), and deleting one.
struct QuotaPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("quotas") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let query = Form(encoded: request.uri.query ?? "")
            let uses = try await services.quotas.quotas(of: center.id, as: principal)
            let editing = query["edit"].flatMap(UUID.init(uuidString:)).flatMap { id in
                uses.first { $0.quota.id == id }?.quota
            }
            return try await page(
                request, context, center: center, uses: uses, form: editing.map(Self.form(of:)) ?? [:])
        }
        router.post("quotas") { request, context in
            try await save(request, context, id: nil)
        }
        router.post("quotas/:quotaId") { request, context in
            guard let id = context.parameters.get("quotaId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            return try await save(request, context, id: id)
        }
        router.post("quotas/:quotaId/delete") { request, context in
            let principal = try context.reader()
            _ = try await services.managedCenter(for: principal)
            _ = try await Form.read(request, context: context)
            guard let id = context.parameters.get("quotaId").flatMap(UUID.init(uuidString:)) else {
                throw PageError.notFound
            }
            try await services.quotas.remove(id, as: principal)
            return Response.redirect(to: "/ui/quotas?notice=quotaDeleted")
        }
    }

    /// Adds (`id` nil) or changes a quota from the form; the form again with its errors when refused.
    private func save(_ request: Request, _ context: some PageContext, id: UUID?) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let form = try await Form.read(request, context: context)
        var errors = FieldErrors()
        do {
            let input = try Self.quota(from: form)
            if let id {
                _ = try await services.quotas.change(
                    id, to: input, version: Int(form.text("version")) ?? 0, as: principal)
            } else {
                _ = try await services.quotas.set(input, in: center.id, as: principal)
            }
            return Response.redirect(to: "/ui/quotas?notice=quotaSaved")
        } catch ServiceError.invalid(let error) {
            errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                Self.fields[$0]
            }
        }
        let uses = try await services.quotas.quotas(of: center.id, as: principal)
        return try await page(request, context, center: center, uses: uses, form: form.echo, errors: errors)
    }

    /// The service's fields and the form's.
    private static let fields = [
        "organizationId": "organization", "category": "category", "resourceId": "resource",
        "capability": "capability", "period": "period", "hours": "hours",
    ]

    /// The form's fields of a stored quota.
    static func form(of quota: Quota) -> [String: String] {
        [
            "id": quota.id.uuidString.lowercased(), "version": "\(quota.version)",
            "organization": quota.organizationId.uuidString.lowercased(), "category": quota.category?.rawValue ?? "",
            "resource": quota.resourceId?.uuidString.lowercased() ?? "", "capability": quota.capability ?? "",
            "period": quota.period.rawValue, "hours": "\(quota.hours)",
        ]
    }

    /// The quota typed into the form.
    /// - Throws: ``ServiceError/invalid(_:)`` for an organization or period not chosen.
    static func quota(from form: Form) throws -> NewQuota {
        guard let organizationId = UUID(uuidString: form.text("organization")) else {
            throw ServiceError.invalid(
                DomainError(field: "organizationId", rule: "required", message: "Choose an organization."))
        }
        guard let period = QuotaPeriod(rawValue: form.text("period")) else {
            throw ServiceError.invalid(DomainError(field: "period", rule: "required", message: "Choose a period."))
        }
        let capability = form.text("capability").trimmingCharacters(in: .whitespaces)
        return NewQuota(
            organizationId: organizationId, category: Domain.Category(rawValue: form.text("category")),
            resourceId: UUID(uuidString: form.text("resource")), capability: capability.isEmpty ? nil : capability,
            period: period, hours: Int(form.text("hours")) ?? 0)
    }
}
