extension Solution {
    /// Unplaces every pilot run (contiguous series) that is placed only in part: a run takes all its
    /// days or none. Runs with a pinned day are left as they are.
    mutating func unplaceIncompleteRuns(of problem: Problem) {
        for series in problem.series where series.kind == .contiguous {
            let placed = series.sessions.filter { assignments[$0] != nil }.count
            guard placed > 0, placed < series.sessions.count,
                !series.sessions.contains(where: { problem.pinned[$0] != nil })
            else { continue }
            for session in series.sessions { assignments[session] = nil }
        }
    }
}
