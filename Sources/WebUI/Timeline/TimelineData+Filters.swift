import Domain
import Foundation

/// The rows a reader asked for: `kind`, `capability` and `workshop` as given in the page's query
/// (empty: any).
struct TimelineFilter: Equatable {
    var kind = ""
    var capability = ""
    var workshop = ""

    init(_ query: Form) {
        (kind, capability, workshop) = (query.text("kind"), query.text("capability"), query.text("workshop"))
    }

    init(kind: String = "", capability: String = "", workshop: String = "") {
        (self.kind, self.capability, self.workshop) = (kind, capability, workshop)
    }

    /// The filter's part of a link's query (`&kind=…`), empty when it keeps every row.
    var query: String {
        [("kind", kind), ("capability", capability), ("workshop", workshop)].filter { !$0.1.isEmpty }
            .map { "&\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined()
    }
}

extension TimelineData {
    /// Only the rows `filter` keeps: resources of the kind, with the capability, in the workshop
    /// (the workshop itself and everything inside it, however deep); instructors with the skill
    /// (kind and workshop do not apply to them). Bookings, and the containment drawn from them,
    /// stay whole.
    func keeping(_ filter: TimelineFilter) -> TimelineData {
        var kept = self
        let workshop = UUID(uuidString: filter.workshop)
        kept.resources = resources.filter { resource in
            (filter.kind.isEmpty || resource.kind.rawValue == filter.kind)
                && (filter.capability.isEmpty || resource.capabilities.contains(filter.capability))
                && (workshop.map { enclosing(resource.id).contains($0) } ?? filter.workshop.isEmpty)
        }
        if !filter.capability.isEmpty {
            kept.instructors = instructors.filter { $0.skills.contains { $0.skill == filter.capability } }
        }
        return kept
    }

    /// `resource` and the resources it sits in, innermost first.
    func enclosing(_ resource: UUID) -> [UUID] {
        var chain = [resource]
        while let parent = parents[chain.last!], !chain.contains(parent) { chain.append(parent) }
        return chain
    }
}
