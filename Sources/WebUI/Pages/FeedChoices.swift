import Access
import Domain
import Foundation
import Service

/// What a reader may subscribe to, as groups of a select: their own teaching, their
/// organization and its classes, the center's resources and the instructors they may list. Each
/// list comes from a use case that shows only what the reader may see; one it may not read at all
/// leaves its group out.
struct FeedChoices: Sendable {
    let services: PageServices
    let strings: Strings

    /// Select groups: a label and options whose value is `kind:id` (`mine` alone).
    func groups(for principal: Principal, language: Language) async throws -> [[String: Any]] {
        let text = { (key: String) in strings.text(key, language) }
        var groups: [[String: Any]] = []
        func add(_ kind: String, _ options: [(id: UUID?, name: String)]) {
            guard !options.isEmpty else { return }
            groups.append([
                "label": text("feeds_kind_\(kind)"),
                "options": options.map { option in
                    ["value": option.id.map { "\(kind):\($0.uuidString.lowercased())" } ?? kind, "name": option.name]
                },
            ])
        }
        if !principal.instructorIds.isEmpty { add("mine", [(nil, text("feeds_mine"))]) }
        let page = try Page(limit: Page.maximumLimit)
        if let own = try? await services.organizations.organization(principal.organizationId, as: principal) {
            add("organization", [(own.id, own.name)])
            let cohorts = (try? await services.organizations.cohorts(of: own.id, page: page, as: principal)) ?? []
            add("cohort", cohorts.map { ($0.id, $0.name) })
        }
        if let center = try? await services.center(for: principal) {
            let resources = (try? await services.centers.resources(of: center.id, page: page, as: principal)) ?? []
            add("resource", resources.map { ($0.id, $0.name) })
            let instructors =
                (try? await services.organizations.instructors(of: center.id, page: page, as: principal)) ?? []
            add("instructor", instructors.map { ($0.id, $0.name) })
        }
        return groups
    }
}
