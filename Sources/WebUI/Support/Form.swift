import Access
import Foundation
import Hummingbird
import Service

/// A submitted `application/x-www-form-urlencoded` form: its values by name (a name may repeat,
/// as checkboxes do). Reading one checks the session's CSRF token in the `csrf` field.
struct Form: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(encoded text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads the request's form.
    /// - Throws: ``PageError/csrf`` when the form does not carry the session's CSRF token.
    static func read(_ request: Request, context: some PageContext, checkingCSRF: Bool = true) async throws -> Form {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let form = Form(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
        if checkingCSRF {
            guard let session = context.session, session.accepts(csrfToken: form["csrf"]) else { throw PageError.csrf }
        }
        return form
    }

    /// The first value of a field, trimmed; `nil` when absent.
    subscript(_ name: String) -> String? {
        values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every value of a field.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The first value of a field, or the empty string: what a form shows again.
    func text(_ name: String) -> String { self[name] ?? "" }

    /// The fields as a template shows them again after a failed submission.
    var echo: [String: String] { values.compactMapValues { $0.first } }
}
