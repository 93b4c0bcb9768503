import CompressNIO
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

    /// A page: `template` filled with `data` and the frame's texts, navigation and CSRF token,
    /// gzip-compressed when the browser takes it (a week of a large center's timeline repeats the
    /// same markup thousands of times and shrinks about tenfold).
    /// - Parameter status: 200, or the status a failed form or an error page answers with.
    func page(
        _ template: String, _ frame: PageFrame, _ data: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        var values = frame.values(strings: strings)
        values.merge(data) { _, new in new }
        var html = ByteBuffer(string: library.render(values, withTemplate: template) ?? "")
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .init("Content-Language")!: frame.language.rawValue, .vary: "Accept-Encoding",
        ]
        var body = html
        if frame.acceptsGzip, let compressed = try? html.compress(with: .gzip()) {
            body = compressed
            headers[.contentEncoding] = "gzip"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}
