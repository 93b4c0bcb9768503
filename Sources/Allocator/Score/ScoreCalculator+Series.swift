extension ScoreCalculator {
    /// The distinct days a spread series' placed members use (counted under the minimum-days rule only).
    @inline(__always) func days(of series: Int) -> Int {
        Int(seriesDistinct[3 * series])
    }

    /// The placed members of a spread series on `day` (counted under the minimum-days rule only).
    @inline(__always) func members(of series: Int, onDay day: Int) -> Int {
        Int(seriesDay[series * facts.days + day])
    }

    /// Updates a series' per-day, per-resource and per-weekly-time counters and the soft penalties that
    /// depend on their distinct counts (minimum days, room stability, time stability).
    @inline(__always) func updateSeries(_ series: Int, _ first: Int, _ resource: Int, sign: Int32) {
        let facts = self.facts
        let flags = facts.flags
        let kind = facts.seriesKind[series]
        if flags.minimumDays && kind == .spread {
            let minimum = facts.seriesMinimumDays[series]
            let before = max(0, minimum - days(of: series))
            countDistinct(seriesDay, series * facts.days + first / facts.slotsPerDay, 3 * series, sign: sign)
            let after = max(0, minimum - days(of: series))
            totals[2] += Int64(facts.weights.minimumDays) * Int64(after - before)
        }
        if flags.roomStability && kind != .contiguous {
            let before = max(0, seriesDistinct[3 * series + 1] - 1)
            countDistinct(seriesResource, series * facts.resourceCount + resource, 3 * series + 1, sign: sign)
            let after = max(0, seriesDistinct[3 * series + 1] - 1)
            totals[2] += Int64(facts.weights.roomStability) * Int64(after - before)
        }
        if flags.seriesTimeStability && kind == .weekly {
            let before = max(0, seriesDistinct[3 * series + 2] - 1)
            countDistinct(
                seriesTime,
                series * facts.slotsPerWeek + first % facts.slotsPerWeek,
                3 * series + 2,
                sign: sign
            )
            let after = max(0, seriesDistinct[3 * series + 2] - 1)
            totals[2] += Int64(facts.weights.seriesTimeStability) * Int64(after - before)
        }
    }

    /// Changes `table[cell]` by `sign`, keeping `seriesDistinct[distinct]` equal to the number of non-zero cells.
    @inline(__always) private func countDistinct(_ table: CountTable<Int32>, _ cell: Int, _ distinct: Int, sign: Int32)
    {
        let before = table[cell]
        table[cell] = before + sign
        if before == 0 { seriesDistinct[distinct] += 1 } else if before + sign == 0 { seriesDistinct[distinct] -= 1 }
    }

    /// Adds or removes the penalties that pair a session with other placed sessions: broken links of a
    /// pilot run, groups meeting together at different starts and changeover buffers. Called while the session
    /// is placed.
    func updateLinked(_ session: Int, sign: Int32) {
        let facts = self.facts
        if facts.flags.simultaneousSeries && facts.simultaneousOf[session] >= 0 {
            let here = start[session]
            var apart: Int64 = 0
            for other in facts.seriesMembers[facts.simultaneousOf[session]] where other != session {
                if start[other] >= 0 && start[other] != here { apart += 1 }
            }
            totals[0] += Int64(sign) * apart
        }
        if facts.flags.contiguousSeries {
            let series = facts.seriesOf[session]
            if series >= 0 && facts.seriesKind[series] == .contiguous {
                let members = facts.seriesMembers[series]
                let position = facts.positionInSeries[session]
                var broken: Int64 = 0
                if position > 0 { broken += brokenLink(members[position - 1], session) }
                if position + 1 < members.count { broken += brokenLink(session, members[position + 1]) }
                totals[0] += Int64(sign) * broken
            }
        }
        if facts.flags.changeover || facts.flags.exclusiveHall {
            let place = Int(resource[session])
            if sign < 0 { Self.remove(session, from: &sessionsOnResource[place]) }
            var violations: Int64 = 0
            if facts.flags.changeover, let matrix = facts.changeover[place] {
                for other in sessionsOnResource[place] {
                    violations += changeoverViolation(session, other, matrix)
                }
            }
            if facts.flags.exclusiveHall { violations += hallViolations(session, sign: sign) }
            totals[0] += Int64(sign) * violations
            if sign > 0 { sessionsOnResource[place].append(session) }
        }
    }

    /// Removes `session` from an unordered list of sessions.
    @inline(__always) static func remove(_ session: Int, from list: inout [Int]) {
        guard let index = list.firstIndex(of: session) else { return }
        list.swapAt(index, list.count - 1)
        list.removeLast()
    }

    /// 1 when both sessions are placed and `later` is not the day after `earlier` on the same resource.
    func brokenLink(_ earlier: Int, _ later: Int) -> Int64 {
        let first = start[earlier]
        let second = start[later]
        guard first >= 0 && second >= 0 else { return 0 }
        let perDay = Int32(facts.slotsPerDay)
        let consecutive = second / perDay == first / perDay + 1 && resource[earlier] == resource[later]
        return consecutive ? 0 : 1
    }

    /// 1 when two placed sessions on one resource follow each other with less than the changeover buffer
    /// their categories need between them, or than the earlier one's buffer after or the later one's before.
    func changeoverViolation(_ one: Int, _ other: Int, _ matrix: [Int]) -> Int64 {
        let categories = SessionCategory.allCases.count
        let oneStart = Int(start[one])
        let otherStart = Int(start[other])
        let oneEnd = oneStart + facts.duration(one, at: oneStart)
        let otherEnd = otherStart + facts.duration(other, at: otherStart)
        if oneEnd <= otherStart {
            let need = max(
                matrix[facts.category[one] * categories + facts.category[other]], facts.bufferAfter[one],
                facts.bufferBefore[other])
            return otherStart - oneEnd < need ? 1 : 0
        }
        if otherEnd <= oneStart {
            let need = max(
                matrix[facts.category[other] * categories + facts.category[one]], facts.bufferAfter[other],
                facts.bufferBefore[one])
            return oneStart - otherEnd < need ? 1 : 0
        }
        return 0
    }
}
