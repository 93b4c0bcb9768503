extension ScoreCalculator {
    /// The exclusive-hall pairs (see ``HallFacts``) `session` takes part in, with the session itself no
    /// longer (retract, `sign` -1) or not yet (insert, `sign` 1) in ``sessionsOnResource`` and
    /// ``placedExclusive``; keeps ``placedExclusive`` up to date.
    ///
    /// ```
    /// as e: every session o on a resource of the hall of session's resource
    /// as o: every placed exclusive session e whose hall holds session's resource
    /// ```
    func hallViolations(_ session: Int, sign: Int32) -> Int64 {
        let halls = facts.halls
        if sign < 0 && halls.exclusive[session] { Self.remove(session, from: &placedExclusive) }
        let place = Int(resource[session])
        var pairs: Int64 = 0
        if halls.exclusive[session] {
            for other in halls.zone[place] {
                for neighbour in sessionsOnResource[other] where inTheWay(session, neighbour) { pairs += 1 }
            }
        }
        for holder in placedExclusive
        where halls.contains(place, inHallOf: Int(resource[holder])) && inTheWay(holder, session) {
            pairs += 1
        }
        if sign > 0 && halls.exclusive[session] { placedExclusive.append(session) }
        return pairs
    }

    /// Whether two placed sessions of different organizations overlap in time.
    @inline(__always) private func inTheWay(_ one: Int, _ other: Int) -> Bool {
        guard facts.organization[one] != facts.organization[other] else { return false }
        let (oneStart, otherStart) = (Int(start[one]), Int(start[other]))
        return oneStart < otherStart + facts.duration(other, at: otherStart)
            && otherStart < oneStart + facts.duration(one, at: oneStart)
    }
}
