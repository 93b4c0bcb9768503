extension PenaltyCounter {
    /// Exclusive-hall pairs from scratch: for every placed exclusive session, every other placed session of
    /// another organization in its hall (the parent of its resource, everything inside and above it) whose
    /// slots overlap its own.
    mutating func countExclusiveHalls() {
        let sessions = problem.sessions
        let resources = problem.resources
        func chain(_ resource: Int) -> [Int] { HallFacts.ancestors(of: resource, in: resources) }
        let placed = solution.assignments.enumerated().compactMap { index, assignment in
            assignment.map { (index, $0) }
        }
        for (holder, held) in placed where sessions[holder].exclusiveHall {
            let hall = resources[held.resource].parent ?? held.resource
            let heldEnd = held.start + sessions[holder].duration(at: held.start)
            for (other, placement) in placed
            where other != holder && sessions[other].organization != sessions[holder].organization {
                let inside =
                    placement.resource == hall || chain(placement.resource).contains(hall)
                    || chain(hall).contains(placement.resource)
                let end = placement.start + sessions[other].duration(at: placement.start)
                if inside && placement.start < heldEnd && held.start < end { add(.exclusiveHall, 1) }
            }
        }
    }
}
