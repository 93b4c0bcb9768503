import Dates

extension PeriodSchedule {
    /// The blocks of `count` consecutive periods of a weekday the planner may place a session on
    /// (minutes after midnight, breaks inside included), earliest first. A block stays inside one
    /// part of the day (parts are split by breaks longer than ``longBreakMinutes``) unless `count` is
    /// longer than every part, and lies inside one of `spans` (the day's opening hours).
    public func blocks(weekday: Int, count: Int, inside spans: [Range<Int>]) -> [Range<Int>] {
        let periods = periods(weekday: weekday)
        guard count >= 1, periods.count >= count else { return [] }
        let parts = Self.parts(of: periods)
        let straddles = parts.allSatisfy { $0.count < count }
        var blocks: [Range<Int>] = []
        for first in 0...(periods.count - count) {
            let last = first + count - 1
            guard straddles || parts.contains(where: { $0.contains(first) && $0.contains(last) }) else { continue }
            let block = periods[first].start.minutes..<periods[last].end.minutes
            if spans.contains(where: { $0.lowerBound <= block.lowerBound && block.upperBound <= $0.upperBound }) {
                blocks.append(block)
            }
        }
        return blocks
    }

    /// Index ranges of periods (earliest first) not split by a long break.
    private static func parts(of periods: [Period]) -> [ClosedRange<Int>] {
        var parts: [ClosedRange<Int>] = []
        var first = 0
        for index in periods.indices.dropFirst()
        where periods[index].start.minutes - periods[index - 1].end.minutes > longBreakMinutes {
            parts.append(first...(index - 1))
            first = index
        }
        if !periods.isEmpty { parts.append(first...(periods.count - 1)) }
        return parts
    }
}
