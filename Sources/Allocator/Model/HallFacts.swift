/// What exclusive-hall sessions need to know: which sessions hold their resource's hall, and for each
/// resource the resources of its hall (the hall is the resource's parent, else the resource itself):
/// the hall, everything inside it and everything above it. Empty when no session is exclusive.
///
/// ```
/// penalty(e, o) = 1 for every placed exclusive session e and placed session o ≠ e of another
///                 organization, o's resource in the hall of e's resource, their slots overlapping
/// ```
struct HallFacts {
    /// By session: whether it holds its resource's hall.
    let exclusive: [Bool]
    /// By resource: the resources of its hall.
    let zone: [[Int]]
    /// `inZone[resource * resourceCount + other]`: whether `other` is in the hall of `resource`.
    private let inZone: [Bool]
    private let resourceCount: Int

    init(_ problem: Problem) {
        exclusive = problem.sessions.map(\.exclusiveHall)
        let resources = problem.resources
        resourceCount = resources.count
        guard exclusive.contains(true) else {
            zone = []
            inZone = []
            return
        }
        let ancestors = resources.indices.map { Self.ancestors(of: $0, in: resources) }
        var table = Array(repeating: false, count: resources.count * resources.count)
        zone = resources.indices.map { index in
            let hall = resources[index].parent ?? index
            let members = resources.indices.filter {
                $0 == hall || ancestors[$0].contains(hall) || ancestors[hall].contains($0)
            }
            for member in members { table[index * resources.count + member] = true }
            return members
        }
        inZone = table
    }

    /// The resources containing `resource`, nearest first.
    static func ancestors(of resource: Int, in resources: [Resource]) -> [Int] {
        var chain: [Int] = []
        var parent = resources[resource].parent
        while let outer = parent, chain.count < resources.count {
            chain.append(outer)
            parent = resources[outer].parent
        }
        return chain
    }

    /// Whether `other` lies in the hall of `resource`.
    @inline(__always) func contains(_ other: Int, inHallOf resource: Int) -> Bool {
        inZone[resource * resourceCount + other]
    }
}
