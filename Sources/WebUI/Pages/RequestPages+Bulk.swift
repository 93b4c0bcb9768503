import Access
import Domain
import Foundation
import Hummingbird
import Service

extension RequestPages {
    /// `POST /ui/requests/bulk`: one decision (`decision`: approve, reject, wait-list, withdraw)
    /// with one reason for every request ticked (`pick` = `id:version`). All or nothing: when one
    /// request cannot take the decision, none does, and the inbox says which and why, the ticks
    /// and the reason kept.
    func addBulkRoute<Context: PageContext>(to router: RouterGroup<Context>) {
        router.post("requests/bulk") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            guard let decision = Self.decisions[form.text("decision")] else { throw PageError.notFound }
            let picks = form.all("pick").compactMap(Self.decision(from:))
            let back = "/ui/requests?" + (form["filter"] ?? "")
            func refused(_ errors: FieldErrors, message: String? = nil) async throws -> Response {
                try await inbox(
                    request, context, center: center,
                    failed: .init(
                        errors: errors, typed: form.text("reason"), picked: Set(form.all("pick")), message: message),
                    filter: Form(encoded: form["filter"] ?? ""))
            }
            do {
                _ = try await services.requests.move(
                    picks, to: decision.state, reason: form["reason"], as: principal)
                return Response.redirect(to: back + "&notice=bulkDecided")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: Language(request)) {
                    $0 == "reason" ? "reason" : "requests"
                }
                return try await refused(errors)
            } catch ServiceError.conflict(let detail, let rule) {
                var errors = FieldErrors()
                errors.add(
                    DomainError(field: "requests", rule: rule, message: detail), strings: renderer.strings,
                    language: Language(request)
                ) { _ in "requests" }
                return try await refused(errors)
            } catch ServiceError.staleVersion {
                return try await refused(
                    FieldErrors(), message: renderer.strings.text("inbox_stale", Language(request)))
            }
        }
    }

    /// A ticked request: `id:version`.
    static func decision(from pick: String) -> RequestDecision? {
        let parts = pick.split(separator: ":")
        guard parts.count == 2, let id = UUID(uuidString: String(parts[0])), let version = Int(parts[1]) else {
            return nil
        }
        return RequestDecision(id: id, version: version)
    }
}
