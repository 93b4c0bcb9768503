import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/our-instructors`: a coordinator's list of the instructors affiliated with their school
/// or enterprise, each linked to its edit page (certificates, availability, leave).
struct OwnInstructorsPage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("our-instructors") { request, context in
            let principal = try context.reader()
            guard principal.isCoordinator else { throw PageError.forbidden }
            let frame = PageFrame(request, context: context)
            let today = try? await services.center(for: principal).today()
            let instructors = try await services.organizations.affiliatedInstructors(
                of: principal.organizationId, page: Page(limit: 500), as: principal)
            return renderer.page(
                "ourinstructors", frame,
                [
                    "instructors": instructors.map { instructor -> [String: Any] in
                        [
                            "id": instructor.id.uuidString.lowercased(), "name": instructor.name,
                            "skills": instructor.skills.map { skill in
                                skill.expiresOn.map { "\(skill.skill) (\($0))" } ?? skill.skill
                            }.joined(separator: ", "),
                            "leave": instructor.leave.map { "\($0.first) – \($0.last)" }.joined(separator: ", "),
                            "onLeave": today.map { instructor.isOnLeave(during: $0...$0) } ?? false,
                        ]
                    }
                ])
        }
    }
}
