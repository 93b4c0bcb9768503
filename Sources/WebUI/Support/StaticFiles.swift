import Foundation
import Hummingbird

/// `/ui/static/<file>`: the pages' own CSS and small scripts, shipped as resources.
struct StaticFiles: Sendable {
    private static let types = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
    ]

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("static/:file") { _, context -> Response in
            try Self.file(context.parameters.get("file") ?? "")
        }
    }

    /// `GET /favicon.ico`, which browsers ask for on their own: the icon, public (no session).
    func addFavicon<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("favicon.ico") { _, _ -> Response in try Self.file("favicon.svg") }
    }

    /// A shipped static file, or ``PageError/notFound``.
    private static func file(_ name: String) throws -> Response {
        let ext = (name as NSString).pathExtension
        guard let type = types[ext], !name.contains("/"), !name.hasPrefix("."),
            let url = Bundle.module.url(
                forResource: (name as NSString).deletingPathExtension, withExtension: ext, subdirectory: "static"),
            let data = try? Data(contentsOf: url)
        else { throw PageError.notFound }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
