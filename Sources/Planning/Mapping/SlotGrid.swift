public import Allocator
public import Dates
public import Foundation

/// The allocator's slot grid laid over a center's local calendar.
///
/// Day 0 is the Monday of the week holding the horizon's first date, so allocator weeks are ISO weeks
/// and its explanations name the right weekdays; days before the first date or after the last are
/// outside the horizon and never offered. Each day is a whole local day of `1440 / slotMinutes` slots,
/// so a slot is a time of day and bookings at any hour (a pilot run's night) find their place.
public struct SlotGrid: Sendable {
    /// Day 0: a Monday.
    public let origin: CalendarDate
    /// The horizon's first and last dates.
    public let first: CalendarDate
    public let last: CalendarDate
    public let slotMinutes: Int
    public let timeZone: TimeZone
    /// Local midnight of every day of the grid, and of the day after the last.
    private let midnights: [Date]

    /// A grid over `first`…`last` (at least one day) in `timeZone`.
    public init(first: CalendarDate, last: CalendarDate, slotMinutes: Int, timeZone: TimeZone) {
        origin = first.monday
        self.first = first
        self.last = last
        self.slotMinutes = slotMinutes
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let origin = origin
        midnights = (0...(last.daysSinceEpoch - origin.daysSinceEpoch + 1)).map { offset in
            let date = origin.adding(days: offset)
            return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        }
    }

    /// Days in the grid, from the Monday before the horizon to its last date.
    public var days: Int { midnights.count - 1 }
    public var slotsPerDay: Int { 1440 / slotMinutes }
    /// The allocator's horizon for this grid.
    public var horizon: Horizon { Horizon(days: days, slotsPerDay: slotsPerDay) }

    /// The date of a day of the grid.
    public func date(ofDay day: Int) -> CalendarDate { origin.adding(days: day) }

    /// The day of a date; `nil` outside the horizon.
    public func day(of date: CalendarDate) -> Int? {
        guard first <= date, date <= last else { return nil }
        return date.daysSinceEpoch - origin.daysSinceEpoch
    }

    /// The days of the horizon, in order.
    public var horizonDays: ClosedRange<Int> { day(of: first)!...day(of: last)! }

    /// The instant a slot starts.
    public func instant(ofSlot slot: Int) -> Date {
        midnights[slot / slotsPerDay].addingTimeInterval(Double(slot % slotsPerDay * slotMinutes * 60))
    }

    /// The slot an instant falls in (rounded down to the grid); `nil` outside the grid.
    public func slot(of instant: Date) -> Int? {
        guard instant >= midnights[0], instant < midnights[days] else { return nil }
        var low = 0
        var high = days - 1
        while low < high {  // the last day whose midnight is not after the instant
            let middle = (low + high + 1) / 2
            if midnights[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        let minutes = Int(instant.timeIntervalSince(midnights[low]) / 60)
        return low * slotsPerDay + min(slotsPerDay - 1, minutes / slotMinutes)
    }

    /// The pieces of `[start, end)` inside the grid, one per day: (first slot, slots covered).
    public func pieces(from start: Date, to end: Date) -> [(start: Int, duration: Int)] {
        var pieces: [(start: Int, duration: Int)] = []
        let from = max(start, midnights[0])
        let to = min(end, midnights[days])
        guard from < to, let firstSlot = slot(of: from) else { return [] }
        var day = firstSlot / slotsPerDay
        var startSlot = firstSlot
        while day < days, midnights[day] < to {
            let dayEnd = min(to, midnights[day + 1])
            let minutes = Int((dayEnd.timeIntervalSince(midnights[day]) / 60).rounded(.up))
            let endSlot = day * slotsPerDay + min(slotsPerDay, (minutes + slotMinutes - 1) / slotMinutes)
            if endSlot > startSlot { pieces.append((startSlot, endSlot - startSlot)) }
            day += 1
            startSlot = day * slotsPerDay
        }
        return pieces
    }

    /// The slots of a day lying wholly inside a span of minutes after local midnight.
    public func slots(ofDay day: Int, minutes: Range<Int>) -> Range<Int> {
        let lower = (minutes.lowerBound + slotMinutes - 1) / slotMinutes
        let upper = max(lower, minutes.upperBound / slotMinutes)
        return (day * slotsPerDay + lower)..<(day * slotsPerDay + upper)
    }
}
