// Period-based sessions (a request asking for N consecutive bell periods a session):
//
//   candidate blocks ← per day of the horizon, the day's timetable weekday (a 调休 make-up day runs
//                      another weekday's periods) → PeriodSchedule.blocks(weekday, N, the open spans)
//   allowed starts   ← the first slot of each block (the grid's slot divides every boundary)
//   durations        ← each block's own length in slots, breaks inside it included, so a session
//                      ends exactly at its last period's end and occupies nothing after it
//
// Sessions in minutes keep starting on the center's own slot grid even when periods refine it.

import Allocator
import Dates
import Domain

extension ProblemBuilder {
    /// Where a training session may start on `days` of the grid, and how long it lasts: blocks of
    /// ``StudentTrainingDetails/sessionPeriods`` periods when set, else `sessionMinutes` anywhere open.
    /// - Returns: the longest duration, the starts, and one duration per start for period blocks.
    func trainingStarts(
        days: [Int], _ details: StudentTrainingDetails
    ) -> (
        duration: Int, starts: [Int], durations: [Int]?
    ) {
        guard let count = details.sessionPeriods else {
            let duration = slots(minutes: details.sessionMinutes ?? 60)
            return (duration, days.flatMap { starts(day: $0, duration: duration, spans: openSpans(day: $0)) }, nil)
        }
        let blocks = days.flatMap { periodBlocks(day: $0, count: count) }
        let durations = blocks.map(\.duration)
        return (durations.max() ?? 1, blocks.map(\.start), durations)
    }

    /// The blocks of `count` consecutive periods on a day of the grid: first slot and length in slots.
    func periodBlocks(day: Int, count: Int) -> [(start: Int, duration: Int)] {
        let grid = snapshot.grid
        guard let weekday = snapshot.calendar.timetableWeekday(on: grid.date(ofDay: day)) else { return [] }
        return snapshot.periods.blocks(weekday: weekday, count: count, inside: openSpans(day: day)).map {
            (day * grid.slotsPerDay + $0.lowerBound / grid.slotMinutes, $0.count / grid.slotMinutes)
        }
    }

    /// Whether a slot of the day lies on the center's own slot grid (where sessions in minutes start).
    func onCenterGrid(_ slot: Int) -> Bool {
        slot % snapshot.grid.slotsPerDay * snapshot.grid.slotMinutes % snapshot.center.slotMinutes == 0
    }

    /// How a training session's length reads in an explanation: "2 consecutive periods" or "180 minutes".
    func sessionLength(_ details: StudentTrainingDetails) -> LocalizedText {
        if let periods = details.sessionPeriods {
            return LocalizedText(en: "\(periods) consecutive periods", zh: "连续\(periods)节")
        }
        let minutes = details.sessionMinutes ?? 60
        return LocalizedText(en: "\(minutes) minutes", zh: "连续\(minutes)分钟")
    }
}
