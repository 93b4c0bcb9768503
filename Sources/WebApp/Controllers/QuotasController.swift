import Access
import Domain
import Hummingbird
import Service

/// Quotas per organization at a center, with what is left of them.
struct QuotasController: Sendable {
    let quotas: QuotaService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/quotas") { request, context in
            let at = request.queryString("at") == nil ? nil : try request.queryDate("at")
            let organizationId = try request.queryUUID("organizationId")
            let items = try await quotas.quotas(
                of: try context.uuidParameter("centerId"), organizationId: organizationId, at: at,
                as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: items))
        }
        router.post("centers/:centerId/quotas") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewQuota.self, context: context)
            let quota = try await quotas.set(input, in: centerId, as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: quota, version: quota.version, location: "/quotas/\(quota.id)")
        }
        router.get("quotas/:quotaId") { _, context in
            let use = try await quotas.quota(try context.uuidParameter("quotaId"), as: try context.requirePrincipal())
            return JSONResponse(value: use, version: use.quota.version)
        }
        router.put("quotas/:quotaId") { request, context in
            let id = try context.uuidParameter("quotaId")
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: NewQuota.self, context: context)
            let quota = try await quotas.change(id, to: input, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: quota, version: quota.version)
        }
        router.delete("quotas/:quotaId") { _, context -> HTTPResponse.Status in
            try await quotas.remove(try context.uuidParameter("quotaId"), as: try context.requirePrincipal())
            return .noContent
        }
    }
}
