import Access
import Domain
import Foundation
import Hummingbird
import Service

/// A manager's organizations: `GET /ui/organizations` (every organization, each with a link to
/// edit it, and a form onboarding a school or enterprise with its first coordinator, whose initial
/// password the answer shows once), `GET|POST /ui/organizations/{id}` (its name and kind).
struct OrganizationPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("organizations") { request, context in
            try await listPage(request, context, form: Form(encoded: ""))
        }
        router.post("organizations") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                let onboarded = try await services.users.onboard(
                    Onboarding(
                        name: form.text("name"), kind: try Self.kind(form), username: form.text("username"),
                        displayName: form.text("displayName")),
                    at: center.id, as: principal)
                return renderer.page(
                    "onboarded", frame,
                    [
                        "organization": onboarded.organization.name, "username": onboarded.coordinator.username,
                        "displayName": onboarded.coordinator.displayName, "password": onboarded.initialPassword,
                    ], status: .created)
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    ["name", "kind", "username", "displayName"].contains(field) ? field : nil
                }
                return try await listPage(request, context, form: form, errors: errors)
            }
        }
        router.get("organizations/:organizationId") { request, context in
            try await editPage(request, context, id: try Self.id(context), form: nil)
        }
        router.post("organizations/:organizationId") { request, context in
            let id = try Self.id(context)
            let form = try await Form.read(request, context: context)
            do {
                _ = try await services.organizations.change(
                    id, OrganizationChange(name: form.text("name"), kind: try Self.kind(form)),
                    version: Int(form.text("version")) ?? 0, as: try context.reader())
                return Response.redirect(to: "/ui/organizations?notice=edited")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    ["name", "kind"].contains($0) ? $0 : nil
                }
                return try await editPage(request, context, id: id, form: form, errors: errors)
            }
        }
    }

    private static func id(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("organizationId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private static func kind(_ form: Form) throws -> OrganizationKind {
        guard let kind = OrganizationKind(rawValue: form.text("kind")) else {
            throw ServiceError.invalid(DomainError(field: "kind", rule: "required", message: "Choose the kind."))
        }
        return kind
    }

    /// The kinds a form offers, `chosen` selected; only schools and enterprises when onboarding.
    private func kinds(_ chosen: String, onboarding: Bool, _ language: Language) -> [[String: Any]] {
        OrganizationKind.allCases.filter { !onboarding || $0.isSchool || $0.isEnterprise }.map {
            [
                "value": $0.rawValue, "label": renderer.strings.text("edit_kind_\($0.rawValue)", language),
                "selected": $0.rawValue == chosen,
            ]
        }
    }

    private func listPage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.managedCenter(for: principal)
        let frame = PageFrame(request, context: context)
        let organizations = try await services.organizations.organizations(
            kind: nil, page: Page(limit: 500), as: principal)
        let values: [String: Any] = [
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "organizations": organizations.map {
                [
                    "id": $0.id.uuidString.lowercased(), "name": $0.name,
                    "kind": renderer.strings.text("edit_kind_\($0.kind.rawValue)", frame.language),
                ]
            },
            "kinds": kinds(form.text("kind"), onboarding: true, frame.language),
        ]
        return renderer.page("organizations", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func editPage(
        _ request: Request, _ context: some PageContext, id: UUID, form: Form?, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let organization = try await services.organizations.organization(id, as: try context.reader())
        let frame = PageFrame(request, context: context)
        let shown =
            form?.echo ?? ["name": organization.name, "kind": organization.kind.rawValue]
        let values: [String: Any] = [
            "id": id.uuidString.lowercased(), "current": organization.name, "form": shown, "errors": errors.values,
            "version": form?.text("version") ?? "\(organization.version)",
            "kinds": kinds(shown["kind"] ?? "", onboarding: false, frame.language),
        ]
        return renderer.page("organization", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
