// A pilot run becomes one session per calendar day it covers, in a contiguous series on one line:
//
//   day hours   (no shifts, or `dayHours`) day i is the longest opening span of the date (a start in the
//               window) + i, every day of one run equally long; a closed day cannot be in a run
//   shifts      the run's shifts over its days cut at every midnight (PilotProductionDetails.pieces):
//               piece k of a run starting on date D lies on D + piece.day at piece.minutes; a date the
//               center is closed on may be in the run only when its policy says pilotRunsThroughClosures;
//               the slots a run may take on its lines are opened to it whatever the opening hours
//   changeover  before → the first session's bufferBefore, after → the last one's bufferAfter
//   extra       each resource taken beside the line is a twin series (same starts, same days); twin k
//               and line session k are a simultaneous series, so they start together, and the solver
//               places a run with its twins whole or not at all (Solution+Runs.swift)
//   hall        every session of the run holds its resource's hall (Session.exclusiveHall)
//   in the way  starts at which every line meets a confirmed booking in its hall (of another organization)
//               or on it within the changeover are not offered
// No instructor.

import Allocator
import Dates
import Domain
import Foundation

extension ProblemBuilder {
    /// One calendar day of a run: its length in slots and where it may start.
    private struct RunDay {
        var duration: Int
        var starts: [Int]
    }

    /// Adds the sessions and series of one pilot run (see the mapping above).
    mutating func addPilotRun(_ request: Request, _ details: PilotProductionDetails) {
        let lines = eligible(resourceId: details.resourceId, capability: details.capability, lineOnly: true)
        let days = keepingClear(
            details.pieces.map { shiftDays(details, $0, lines: lines) } ?? dayHourDays(details), details,
            organization: organization(request.organizationId), lines: lines)
        let needs =
            [
                ResourceNeed(
                    capabilities: lines.isEmpty ? [details.capability ?? "pilot.line"] : [], eligibleResources: lines)
            ]
            + (details.extraResources ?? []).map { extra in
                let found = eligible(resourceId: extra.resourceId, capability: extra.capability, lineOnly: false)
                for index in found { openRunSlots(days, on: index) }
                return ResourceNeed(
                    capabilities: found.isEmpty ? [extra.capability ?? ""] : [], eligibleResources: found)
            }
        let firstSeries = planning.problem.series.count
        for (part, _) in needs.enumerated() {
            let suffix = part == 0 ? "" : " · +\(part)"
            planning.problem.series.append(Series(name: request.title + suffix, kind: .contiguous, sessions: []))
        }
        for (number, day) in days.enumerated() {
            var together: [Int] = []
            for (part, need) in needs.enumerated() {
                var session = Session(
                    name: "\(request.title) · day \(number + 1)/\(days.count)" + (part == 0 ? "" : " · +\(part)"),
                    duration: max(1, day.duration), allowedStarts: day.starts, category: .pilotProduction,
                    organization: organization(request.organizationId), resourceNeed: need,
                    series: firstSeries + part, exclusiveHall: details.exclusiveHall ?? false)
                if number == 0 { session.bufferBefore = bufferSlots(details.changeoverBeforeMinutes) }
                if number == days.count - 1 { session.bufferAfter = bufferSlots(details.changeoverAfterMinutes) }
                let index = add(session, request, number + part * days.count)
                together.append(index)
                if day.starts.isEmpty { planning.emptyReasons[index] = noDayReason(details, number) }
            }
            if together.count > 1 {
                planning.problem.series.append(
                    Series(name: "\(request.title) · day \(number + 1)", kind: .simultaneous, sessions: together))
            }
        }
    }

    /// Active resources a run may take: the one named, else those with the capability (equipment
    /// lines only for the line itself).
    private func eligible(resourceId: UUID?, capability: String?, lineOnly: Bool) -> [Int] {
        let found: [Int]
        if let resourceId {
            found = resourceIndex[resourceId].map { [$0] } ?? []
        } else {
            found = snapshot.resources.indices.filter {
                (!lineOnly || snapshot.resources[$0].kind == .equipmentLine)
                    && snapshot.resources[$0].capabilities.contains(capability ?? "")
            }
        }
        return found.filter { snapshot.resources[$0].status == .active }
    }

    /// A run in shifts: one day per piece, at the piece's minutes of every start date whose pieces all
    /// fall inside the horizon (and on open days, unless the policy lets runs go through closures).
    private mutating func shiftDays(
        _ details: PilotProductionDetails, _ pieces: [PilotProductionDetails.Piece], lines: [Int]
    ) -> [RunDay] {
        let grid = snapshot.grid
        let throughClosures = snapshot.policy.pilotRunsThroughClosures ?? false
        let runStarts = startDates(details).filter { start in
            pieces.allSatisfy { piece in
                guard let day = grid.day(of: start.adding(days: piece.day)) else { return false }
                return throughClosures || !openSpans(day: day).isEmpty
            }
        }
        let days = pieces.map { piece in
            let lower = piece.minutes.lowerBound / grid.slotMinutes
            let upper = (piece.minutes.upperBound + grid.slotMinutes - 1) / grid.slotMinutes
            return RunDay(
                duration: upper - lower,
                starts: runStarts.map { grid.day(of: $0.adding(days: piece.day))! * grid.slotsPerDay + lower })
        }
        for line in lines { openRunSlots(days, on: line) }
        return days
    }

    /// Opens the slots a run in shifts may take on a resource, whatever the opening hours say.
    private mutating func openRunSlots(_ days: [RunDay], on resource: Int) {
        guard snapshot.resources[resource].status == .active else { return }
        for day in days {
            for start in day.starts { runSlots[resource, default: []].formUnion(start..<(start + day.duration)) }
        }
    }

    /// A run in the center's day hours: day i is the longest opening span of its date, every day of a
    /// run as long as the longest of them all.
    private func dayHourDays(_ details: PilotProductionDetails) -> [RunDay] {
        let runStarts = startDates(details)
        let grid = snapshot.grid
        let spans: [Int: Range<Int>] = Dictionary(
            uniqueKeysWithValues: Set(runStarts.flatMap { start in (0..<details.days).map { start.adding(days: $0) } })
                .compactMap { date -> (Int, Range<Int>)? in
                    guard let day = grid.day(of: date),
                        let longest = openSpans(day: day).map({ grid.slots(ofDay: day, minutes: $0) })
                            .max(by: { $0.count < $1.count })
                    else { return nil }
                    return (day, longest)
                })
        let length = spans.values.map(\.count).max() ?? 0
        return (0..<details.days).map { number in
            RunDay(
                duration: length,
                starts: runStarts.compactMap { start -> Int? in
                    guard let day = grid.day(of: start.adding(days: number)), let span = spans[day],
                        span.count == length
                    else { return nil }
                    return span.lowerBound
                })
        }
    }

    /// The days without the starts at which every line is in the way of a confirmed booking: one of
    /// another organization in the line's hall (with an exclusive hall), or any on the line within the
    /// first day's changeover before or the last day's after. The solver would keep them too; taking them
    /// out here leaves it nothing to repair.
    private func keepingClear(
        _ days: [RunDay], _ details: PilotProductionDetails, organization: Int, lines: [Int]
    ) -> [RunDay] {
        let (before, after) = (
            bufferSlots(details.changeoverBeforeMinutes), bufferSlots(details.changeoverAfterMinutes)
        )
        let exclusive = details.exclusiveHall ?? false
        guard exclusive || before > 0 || after > 0, !lines.isEmpty else { return days }
        let booked = lines.map { line in pinnedSlots(near: line, hall: exclusive, other: organization) }
        return days.enumerated().map { number, day in
            var kept = day
            kept.starts = day.starts.filter { start in
                let lower = start - (number == 0 ? before : 0)
                let upper = start + day.duration + (number == days.count - 1 ? after : 0)
                return booked.contains { taken in
                    !(lower..<upper).contains { taken.line.contains($0) }
                        && !(start..<(start + day.duration)).contains { taken.hall.contains($0) }
                }
            }
            return kept
        }
    }

    /// Slots pinned bookings take on `line` (any organization's) and, when `hall`, on the resources of
    /// its hall (its parent, else itself; what the hall contains and what contains it) by organizations
    /// other than `other`.
    private func pinnedSlots(near line: Int, hall: Bool, other: Int) -> (line: Set<Int>, hall: Set<Int>) {
        let resources = snapshot.resources
        func chain(_ index: Int) -> [Int] {
            var chain: [Int] = []
            var parent = resources[index].parentId.flatMap { resourceIndex[$0] }
            while let outer = parent, chain.count < resources.count {
                chain.append(outer)
                parent = resources[outer].parentId.flatMap { resourceIndex[$0] }
            }
            return chain
        }
        let top = resources[line].parentId.flatMap { resourceIndex[$0] } ?? line
        var taken: (line: Set<Int>, hall: Set<Int>) = ([], [])
        for (session, placement) in planning.problem.pinned {
            let slots = placement.start..<(placement.start + planning.problem.sessions[session].duration)
            if placement.resource == line { taken.line.formUnion(slots) }
            let inside =
                placement.resource == top || chain(placement.resource).contains(top)
                || chain(top).contains(placement.resource)
            if hall && inside && planning.problem.sessions[session].organization != other {
                taken.hall.formUnion(slots)
            }
        }
        return taken
    }

    /// A pinned session of a confirmed run that asks for them keeps the run's exclusive hall and, on the
    /// run's first and last slot, its changeover.
    func keepingRun(_ session: Session, of booking: Booking, piece: (start: Int, duration: Int)) -> Session {
        guard let requestId = booking.requestId, let run = snapshot.confirmedRuns[requestId] else { return session }
        let pieces = snapshot.bookings.filter { $0.requestId == requestId }.flatMap {
            snapshot.grid.pieces(from: $0.start, to: $0.end)
        }
        var kept = session
        kept.exclusiveHall = run.exclusiveHall ?? false
        if piece.start == pieces.map(\.start).min() { kept.bufferBefore = bufferSlots(run.changeoverBeforeMinutes) }
        if piece.start + piece.duration == pieces.map({ $0.start + $0.duration }).max() {
            kept.bufferAfter = bufferSlots(run.changeoverAfterMinutes)
        }
        return kept
    }

    /// A changeover in slots, rounded up; 0 for none.
    private func bufferSlots(_ minutes: Int?) -> Int {
        guard let minutes, minutes > 0 else { return 0 }
        return slots(minutes: minutes)
    }

    /// The dates a run may start on.
    private func startDates(_ details: PilotProductionDetails) -> [CalendarDate] {
        let (earliest, latest) = (details.earliestStart, details.latestStart)
        return stride(from: 0, through: latest.daysSinceEpoch - earliest.daysSinceEpoch, by: 1).map {
            earliest.adding(days: $0)
        }
    }

    /// Why day `number` of a run has nowhere to start.
    private func noDayReason(_ details: PilotProductionDetails, _ number: Int) -> LocalizedText {
        let (earliest, latest) = (details.earliestStart, details.latestStart)
        guard details.pieces != nil else {
            return LocalizedText(
                en:
                    "no day \(number + 1) of a run starting \(earliest)–\(latest) is a whole open day inside the horizon",
                zh: "在\(earliest)至\(latest)开始的批次中，第\(number + 1)天没有一天是规划范围内的完整开放日")
        }
        if snapshot.policy.pilotRunsThroughClosures ?? false {
            return LocalizedText(
                en: "no run starting \(earliest)–\(latest) lies wholly inside the horizon",
                zh: "\(earliest)至\(latest)开始的批次没有一个完全落在规划范围内")
        }
        return LocalizedText(
            en:
                "no run starting \(earliest)–\(latest) lies wholly inside the horizon on days the center is open (the center's policy keeps pilot runs off closed days)",
            zh: "\(earliest)至\(latest)开始的批次没有一个完全落在规划范围内的开放日（中心政策不允许中试跨越闭馆日）")
    }
}
