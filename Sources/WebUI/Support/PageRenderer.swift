import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates shipped in `templates/` as HTML pages.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    let strings: Strings

    /// Loads the templates and texts shipped with the UI.
    /// - Throws: when a resource is missing or a template does not parse.
    init() throws {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "templates"])
        }
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        where file.pathExtension == "mustache" {
            try library.register(
                String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
        }
        self.library = library
        self.strings = try Strings()
    }

    /// A page: `template` filled with `data` and the frame's texts, navigation and CSRF token.
    /// - Parameter status: 200, or the status a failed form or an error page answers with.
    func page(
        _ template: String, _ frame: PageFrame, _ data: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        var values = frame.values(strings: strings)
        values.merge(data) { _, new in new }
        let html = library.render(values, withTemplate: template) ?? ""
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Content-Language")!: frame.language.rawValue,
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
