import Access
import Domain
import Foundation
import Hummingbird
import Service

/// A manager's `/ui/catalogue`: the center's capabilities and skills with their labels, a form to
/// add one and, per entry, a form to rename, re-kind, describe, retire or bring it back.
struct CataloguePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("catalogue") { request, context in
            try await cataloguePage(request, context, form: Form(encoded: "kind=equipment"))
        }
        router.post("catalogue") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                let entry = NewCatalogueEntry(
                    tag: form.text("tag"), labelZh: form.text("labelZh"), labelEn: form.text("labelEn"),
                    kind: CapabilityKind(rawValue: form.text("kind")) ?? .equipment,
                    description: form.text("description"))
                _ = try await services.catalogue.add(entry, to: center.id, as: principal)
                return Response.redirect(to: "/ui/catalogue?notice=catalogueSaved")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    ["tag", "labelZh", "labelEn", "description"].contains($0) ? $0 : nil
                }
                return try await cataloguePage(request, context, form: form, errors: errors)
            }
        }
        router.post("catalogue/:tag") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            guard let tag = context.parameters.get("tag") else { throw PageError.notFound }
            let change = CatalogueChange(
                labelZh: form.text("labelZh"), labelEn: form.text("labelEn"),
                kind: CapabilityKind(rawValue: form.text("kind")), description: form.text("description"),
                status: CatalogueStatus(rawValue: form.text("status")))
            _ = try await services.catalogue.change(
                tag, of: center.id, change, version: Int(form.text("version")) ?? 0, as: principal)
            return Response.redirect(to: "/ui/catalogue?notice=catalogueSaved")
        }
    }

    private func cataloguePage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let kinds = { (chosen: String) -> [[String: Any]] in
            CapabilityKind.allCases.map {
                [
                    "value": $0.rawValue, "label": text("catalogue_kind_\($0.rawValue)"),
                    "selected": $0.rawValue == chosen,
                ]
            }
        }
        let entries = try await services.catalogue.entries(of: center.id, as: principal).map {
            entry -> [String: Any] in
            [
                "tag": entry.tag, "labelZh": entry.labelZh, "labelEn": entry.labelEn,
                "label": entry.label(chinese: frame.language == .zh), "description": entry.description,
                "kindLabel": text("catalogue_kind_\(entry.kind.rawValue)"), "kinds": kinds(entry.kind.rawValue),
                "active": entry.status == .active, "version": entry.version,
            ]
        }
        let values: [String: Any] = [
            "centerName": center.name, "entries": entries, "form": form.echo, "errors": errors.values,
            "kinds": kinds(form.text("kind")),
        ]
        return renderer.page("catalogue", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
