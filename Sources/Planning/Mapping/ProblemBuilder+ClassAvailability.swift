// A class is never placed outside its free times (hard, by construction):
//
//   for each session of a request that names classes with restricted availability
//     keep a start only if, for every such class, [start − travel, end + travel] lies inside one
//     free span of that date (a listed week's free times first, else the weekly ones of the
//     timetable weekday the date runs: a 调休 make-up day follows the weekday it stands for)
//   no start left (where the center had some) → the session's empty reason names the class, its
//     free times, its travel and the week

import Allocator
import Dates
import Domain
import Foundation

extension ProblemBuilder {
    /// The session with only the starts its classes are free for, and why it has none left when
    /// the classes' free times (not the center's calendar) took them all.
    func insideClassFreeTimes(_ session: Session) -> (session: Session, emptyReason: LocalizedText?) {
        guard let starts = session.allowedStarts, !starts.isEmpty else { return (session, nil) }
        let classes = session.cohorts.compactMap { snapshot.cohorts[planning.cohortIds[$0]] }
            .filter(\.availability.isRestricted)
        guard !classes.isEmpty else { return (session, nil) }
        let free = starts.indices.filter { index in
            classes.allSatisfy {
                isFree($0.availability, from: starts[index], slots: session.duration(at: starts[index]))
            }
        }
        var kept = session
        kept.allowedStarts = free.map { starts[$0] }
        kept.durations = session.durations.map { lengths in free.map { lengths[$0] } }
        guard free.isEmpty else { return (kept, nil) }
        let blocking =
            classes.first { cohort in
                !starts.contains { isFree(cohort.availability, from: $0, slots: session.duration(at: $0)) }
            } ?? classes[0]
        return (kept, reason(blocking, starts: starts, minutes: session.duration * snapshot.grid.slotMinutes))
    }

    /// Whether a class is free for `slots` slots from `start`, travel there and back included.
    private func isFree(_ availability: ClassAvailability, from start: Int, slots: Int) -> Bool {
        let grid = snapshot.grid
        let date = grid.date(ofDay: start / grid.slotsPerDay)
        let weekday = snapshot.calendar.timetableWeekday(on: date) ?? date.isoWeekday
        let minutes = start % grid.slotsPerDay * grid.slotMinutes
        return availability.allows(minutes..<(minutes + slots * grid.slotMinutes), on: date, weekday: weekday)
    }

    /// "class 数控2301 is free on Tue 08:00–11:30 and Thu 13:30–17:00 only; with 30 minutes' travel each
    /// way no open 180 minutes remain in the week of 2026-03-23"
    private func reason(_ cohort: Domain.Cohort, starts: [Int], minutes: Int) -> LocalizedText {
        let grid = snapshot.grid
        let mondays = Set(starts.map { grid.date(ofDay: $0 / grid.slotsPerDay).monday }).sorted()
        let availability = cohort.availability
        let free =
            availability.sentence(weekOf: mondays[0])
            ?? LocalizedText(en: "is free only in the weeks listed", zh: "仅在所列各周有空")
        if mondays.count == 1, availability.weeks.contains(where: { $0.weekOf == mondays[0] && $0.freeTimes.isEmpty }) {
            return LocalizedText(en: "class \(cohort.name) \(free.en)", zh: "班级\(cohort.name)\(free.zh)")
        }
        let travel = availability.travelMinutes
        let (first, last) = (mondays[0], mondays[mondays.count - 1])
        return LocalizedText(
            en: "class \(cohort.name) \(free.en); \(travel > 0 ? "with \(travel) minutes' travel each way " : "")"
                + "no open \(minutes) minutes remain "
                + (mondays.count == 1 ? "in the week of \(first)" : "in the weeks of \(first) to \(last)"),
            zh: "班级\(cohort.name)\(free.zh)；\(travel > 0 ? "计入单程\(travel)分钟路程后，" : "")"
                + (mondays.count == 1 ? "在\(first)当周" : "在\(first)至\(last)各周") + "没有连续\(minutes)分钟的空闲时间")
    }
}
