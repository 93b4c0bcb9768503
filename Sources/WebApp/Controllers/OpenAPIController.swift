import Foundation
import Hummingbird

/// Serves the OpenAPI 3.1 description of this API (`docs/openapi.yaml`), shipped in the WebApp
/// target's resource bundle, `praxis_WebApp.resources`, which must be installed beside the binary.
struct OpenAPIController<Context: RequestContext>: Sendable {
    /// The document, read once when the router is built; `nil` when the bundle lacks it.
    let document: ByteBuffer? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? Data(contentsOf: $0) }
        .map { ByteBuffer(bytes: $0) }

    func addRoutes(to router: RouterGroup<Context>) {
        router.get("openapi.yaml") { _, _ in
            guard let document else { throw ProblemDetails.notFound("This installation has no OpenAPI document.") }
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: document))
        }
    }
}
