import Access
import Domain
import Hummingbird
import Service

/// A center's category policy: read it, replace it at the version read.
struct PolicyController: Sendable {
    let policies: PolicyService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/policy") { _, context in
            let policy = try await policies.policy(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: policy, version: policy.version)
        }
        router.put("centers/:centerId/policy") { request, context in
            let id = try context.uuidParameter("centerId")
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: CenterPolicy.self, context: context)
            let policy = try await policies.replace(input, of: id, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: policy, version: policy.version)
        }
    }
}
