import Access
import Domain
import Foundation
import Hummingbird
import Service

/// The manager's set-up: `/ui/resources` and `/ui/instructors` (lists and a form to add one,
/// messages beside the fields), retiring or bringing back a resource, and `/ui/policy`.
struct SetupPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("resources") { request, context in
            try await resourcesPage(request, context, form: Form(encoded: ""))
        }
        router.post("resources") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            do {
                guard let kind = ResourceKind(rawValue: form.text("kind")) else {
                    throw ServiceError.invalid(
                        DomainError(field: "kind", rule: "required", message: "Choose the kind of resource."))
                }
                let seats = try BookingForm.number(form.text("seats"), field: "seats") ?? 0
                _ = try await services.centers.addResource(
                    NewResource(
                        kind: kind, name: form.text("name"), capabilities: form.all("capabilities"),
                        seats: seats,
                        parentId: UUID(uuidString: form.text("parent"))),
                    to: center.id, as: principal)
                return Response.redirect(to: "/ui/resources?notice=resourceAdded")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    field.hasPrefix("capabilities")
                        ? "capabilities"
                        : ["name": "name", "seats": "seats", "kind": "kind", "parentId": "parent"][field]
                }
                return try await resourcesPage(request, context, form: form, errors: errors)
            }
        }
        router.post("resources/:resourceId/status") { request, context in
            let form = try await Form.read(request, context: context)
            guard let id = context.parameters.get("resourceId").flatMap(UUID.init(uuidString:)),
                let status = ResourceStatus(rawValue: form.text("status")), let version = Int(form.text("version"))
            else { throw PageError.notFound }
            _ = try await services.centers.change(
                resource: id, ResourceChange(status: status), version: version, as: try context.reader())
            return Response.redirect(to: "/ui/resources?notice=resourceChanged")
        }
        addResourceEditingRoutes(to: router)
        addInstructorRoutes(to: router)
        addPolicyRoutes(to: router)
        addPeriodRoutes(to: router)
    }

    private func resourcesPage(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let center = try await services.managedCenter(for: try context.reader())
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let resources = try await services.centers.resources(
            of: center.id, page: Page(limit: 500), as: try context.reader())
        let picker = try await TagPicker.load(
            services, center: center.id, reader: try context.reader(), language: frame.language)
        let names = Dictionary(resources.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let values: [String: Any] = [
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "resources": resources.map { resource -> [String: Any] in
                [
                    "id": resource.id.uuidString.lowercased(), "name": resource.name,
                    "kind": text("kind_\(resource.kind.rawValue)"),
                    "seats": resource.seats, "capabilities": picker.labels(resource.capabilities),
                    "parent": resource.parentId.flatMap { names[$0] } ?? "", "active": resource.status == .active,
                    "version": resource.version,
                ]
            },
            "kinds": ResourceKind.allCases.map {
                [
                    "value": $0.rawValue, "label": text("kind_\($0.rawValue)"),
                    "selected": $0.rawValue == form.text("kind"),
                ]
            },
            "capabilityPicker": picker.field(
                name: "capabilities", legend: text("resources_capabilities"), chosen: form.all("capabilities"),
                errors: errors),
            "parents": resources.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == form.text("parent").lowercased(),
                ]
            },
        ]
        return renderer.page("resources", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
