extension Solution {
    /// Unplaces every pilot run (contiguous series) that is placed only in part, together with the runs
    /// a simultaneous series links it to (the resources a run takes beside its line): a run takes all its
    /// days and all its resources, or nothing. Runs with a pinned day are left as they are.
    ///
    /// ```
    /// unit(run) = the runs reachable from it through simultaneous series
    /// for each unit: some but not all members placed, none pinned → unplace every member
    /// ```
    mutating func unplaceIncompleteRuns(of problem: Problem) {
        let runs = problem.series.indices.filter { problem.series[$0].kind == .contiguous }
        var link = Dictionary(uniqueKeysWithValues: runs.map { ($0, $0) })
        func unit(_ run: Int) -> Int {
            var run = run
            while link[run]! != run { run = link[run]! }
            return run
        }
        for series in problem.series where series.kind == .simultaneous {
            let linked = series.sessions.compactMap { problem.sessions[$0].series }.filter { link[$0] != nil }
            for other in linked.dropFirst() { link[unit(other)] = unit(linked[0]) }
        }
        var members: [Int: [Int]] = [:]
        for run in runs { members[unit(run), default: []] += problem.series[run].sessions }
        for sessions in members.values {
            let placed = sessions.filter { assignments[$0] != nil }.count
            guard placed > 0, placed < sessions.count, !sessions.contains(where: { problem.pinned[$0] != nil })
            else { continue }
            for session in sessions { assignments[session] = nil }
        }
    }
}
