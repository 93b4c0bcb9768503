import Dates

/// A center's bell periods (节次): one ``PeriodSet`` per group of weekdays, each weekday in at most
/// one set. A center without sets books and plans in clock times on its slot grid only. Replaced as
/// a whole (`PUT`), at the version the caller last read.
public struct PeriodSchedule: Sendable, Equatable, Codable {
    /// Set by the server on output (0 before the first write); ignored on input (send `If-Match`).
    public var version: Int?
    public var sets: [PeriodSet]

    public init(version: Int? = nil, sets: [PeriodSet] = []) {
        self.version = version
        self.sets = sets
    }

    /// A break between two periods longer than this splits the day (lunch, supper): the planner
    /// places a block of periods across it only when the block is longer than every part of the day.
    public static let longBreakMinutes = 30

    /// Whether the center has any periods.
    public var isEmpty: Bool { sets.allSatisfy(\.periods.isEmpty) }

    /// The periods of an ISO weekday, earliest first; empty when no set names it.
    public func periods(weekday: Int) -> [Period] {
        (sets.first { $0.weekdays.contains(weekday) }?.periods ?? []).sorted { $0.start < $1.start }
    }

    /// Every period boundary (start and end) of every set, in minutes after midnight.
    public var boundaries: Set<Int> {
        Set(sets.flatMap { $0.periods.flatMap { [$0.start.minutes, $0.end.minutes] } })
    }

    /// The span from period `from`'s start to period `to`'s end on a weekday, breaks inside included;
    /// `nil` when either does not exist that weekday or `to` comes before `from`.
    public func block(weekday: Int, from: Int, to: Int) -> Range<Int>? {
        let periods = periods(weekday: weekday)
        guard let first = periods.first(where: { $0.number == from }),
            let last = periods.first(where: { $0.number == to }), first.start < last.end
        else { return nil }
        return first.start.minutes..<last.end.minutes
    }

    /// The numbers of the first and last periods a span of minutes coincides with on a weekday: it
    /// starts at one period's start and ends at another's end; `nil` otherwise.
    public func periodRange(weekday: Int, minutes: Range<Int>) -> ClosedRange<Int>? {
        let periods = periods(weekday: weekday)
        guard let first = periods.first(where: { $0.start.minutes == minutes.lowerBound }),
            let last = periods.first(where: { $0.end.minutes == minutes.upperBound }), first.number <= last.number
        else { return nil }
        return first.number...last.number
    }
}
