import Access
import Domain
import Foundation
import Hummingbird
import Service

extension SetupPages {
    /// `GET|POST /ui/resources/:resourceId`: a resource's name, seats, capabilities (picked from
    /// the catalogue), parent and status, changed at the version read. A stale version (412) or
    /// bookings ahead that the change would break (409) answer with the error page.
    func addResourceEditingRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("resources/:resourceId") { request, context in
            let resource = try await services.centers.resource(try Self.resourceId(context), as: try context.reader())
            return try await resourcePage(request, context, resource: resource, form: Self.form(of: resource))
        }
        router.post("resources/:resourceId") { request, context in
            let principal = try context.reader()
            let id = try Self.resourceId(context)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            var errors = FieldErrors()
            do {
                let change = ResourceChange(
                    name: form.text("name"), seats: try BookingForm.number(form.text("seats"), field: "seats") ?? 0,
                    capabilities: form.all("capabilities"), parentId: .some(UUID(uuidString: form.text("parent"))),
                    status: ResourceStatus(rawValue: form.text("status")), owner: Self.owner(form))
                _ = try await services.centers.change(
                    resource: id, change, version: Int(form.text("version")) ?? 0, as: principal)
                return Response.redirect(to: "/ui/resources?notice=resourceChanged")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    field.hasPrefix("capabilities")
                        ? "capabilities"
                        : [
                            "name": "name", "seats": "seats", "parentId": "parent",
                            "owner/organizationId": "ownerOrganization", "owner/fund": "ownerFund",
                        ][field]
                }
            }
            let resource = try await services.centers.resource(id, as: principal)
            return try await resourcePage(request, context, resource: resource, form: form, errors: errors)
        }
    }

    private static func resourceId(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("resourceId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    /// The contributor the form names (共建共享).
    private static func owner(_ form: Form) -> ResourceOwner {
        ResourceOwner(
            kind: ResourceOwner.Kind(rawValue: form.text("ownerKind")) ?? .center,
            organizationId: UUID(uuidString: form.text("ownerOrganization")), fund: form["ownerFund"])
    }

    /// The form's fields of a resource as stored.
    private static func form(of resource: Resource) -> Form {
        var pairs = [
            ("name", resource.name), ("seats", "\(resource.seats)"), ("status", resource.status.rawValue),
            ("parent", resource.parentId?.uuidString.lowercased() ?? ""), ("version", "\(resource.version)"),
            ("ownerKind", resource.owner.kind.rawValue),
            ("ownerOrganization", resource.owner.organizationId?.uuidString.lowercased() ?? ""),
            ("ownerFund", resource.owner.fund ?? ""),
        ]
        pairs += resource.capabilities.map { ("capabilities", $0) }
        return Form(pairs: pairs)
    }

    private func resourcePage(
        _ request: Request, _ context: some PageContext, resource: Resource, form: Form,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let others = try await services.centers.resources(
            of: resource.centerId, page: Page(limit: 500), as: principal
        ).filter { $0.id != resource.id }
        let contributors = try await services.organizations.organizations(
            kind: nil, page: Page(limit: 500), as: principal
        ).filter { $0.kind.isSchool || $0.kind.isEnterprise }
        let picker = try await TagPicker.load(
            services, center: resource.centerId, reader: principal, language: frame.language)
        let values: [String: Any] = [
            "id": resource.id.uuidString.lowercased(), "resourceName": resource.name,
            "kind": text("kind_\(resource.kind.rawValue)"), "form": form.echo, "errors": errors.values,
            "capabilityPicker": picker.field(
                name: "capabilities", legend: text("resources_capabilities"), chosen: form.all("capabilities"),
                errors: errors),
            "parents": others.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == form.text("parent").lowercased(),
                ]
            },
            "ownerKinds": ResourceOwner.Kind.allCases.map {
                [
                    "value": $0.rawValue, "label": text("owner_\($0.rawValue)"),
                    "selected": $0.rawValue == form.text("ownerKind"),
                ]
            },
            "contributors": contributors.map {
                [
                    "value": $0.id.uuidString.lowercased(), "label": $0.name,
                    "selected": $0.id.uuidString.lowercased() == form.text("ownerOrganization").lowercased(),
                ]
            },
            "statuses": ResourceStatus.allCases.map {
                [
                    "value": $0.rawValue, "label": text("resources_\($0.rawValue)"),
                    "selected": $0.rawValue == form.text("status"),
                ]
            },
        ]
        return renderer.page("resource", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
