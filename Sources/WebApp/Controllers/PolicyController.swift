import Access
import Domain
import Hummingbird
import Service

/// A center's category policy: read it, replace it at the version read.
struct PolicyController: Sendable {
    let policies: PolicyService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/policy") { _, context in
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.read, .center(centerId), entity: "center")
            let policy = try await policies.policy(of: centerId)
            return JSONResponse(value: policy, version: policy.version)
        }
        router.put("centers/:centerId/policy") { request, context in
            let id = try context.uuidParameter("centerId")
            try context.authorize(.change, .center(id), entity: "center")
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: CenterPolicy.self, context: context)
            let policy = try await policies.replace(input, of: id, version: version, by: try context.actor())
            return JSONResponse(value: policy, version: policy.version)
        }
    }
}
