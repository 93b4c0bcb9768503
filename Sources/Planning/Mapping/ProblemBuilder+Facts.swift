import Allocator
import Dates
import Domain
import Foundation

extension ProblemBuilder {
    /// The center's open spans on a day of the grid (minutes after midnight); none outside the horizon.
    func openSpans(day: Int) -> [Range<Int>] {
        let date = snapshot.grid.date(ofDay: day)
        guard snapshot.grid.day(of: date) != nil else { return [] }
        return snapshot.calendar.openSpans(on: date)
    }

    /// Starts on `day`, on the center's own slot grid, where `duration` slots fit inside one of `spans`.
    func starts(day: Int, duration: Int, spans: [Range<Int>]) -> [Int] {
        spans.flatMap { span -> [Int] in
            let slots = snapshot.grid.slots(ofDay: day, minutes: span)
            return slots.count >= duration
                ? (slots.lowerBound...(slots.upperBound - duration)).filter(onCenterGrid) : []
        }
    }

    /// The allocator's resources (see the mapping at the top of ProblemBuilder.swift).
    func resources() -> [Allocator.Resource] {
        let grid = snapshot.grid
        let closed = closedSlots()
        var unavailable = snapshot.resources.enumerated().map { index, resource in
            resource.status == .retired
                ? Set(0..<(grid.days * grid.slotsPerDay)) : closed.subtracting(runSlots[index] ?? [])
        }
        for window in snapshot.maintenance {
            guard let index = resourceIndex[window.resourceId] else { continue }
            let slots = grid.pieces(from: window.start, to: window.end).flatMap { $0.start..<($0.start + $0.duration) }
            for blocked in related(index) { unavailable[blocked].formUnion(slots) }
        }
        return snapshot.resources.enumerated().map { index, resource in
            Allocator.Resource(
                name: resource.name,
                capacity: resource.kind == .workstationPool ? resource.seats : 1,
                seats: resource.kind == .room || resource.kind == .workshop ? resource.seats : 0,
                capabilities: resource.capabilities,
                parent: resource.parentId.flatMap { resourceIndex[$0] },
                unavailableSlots: unavailable[index].subtracting(pinnedResourceSlots[index] ?? []).sorted(),
                changeover: changeover(for: resource.kind))
        }
    }

    /// Slots when the center is closed, or outside the horizon.
    private func closedSlots() -> Set<Int> {
        let grid = snapshot.grid
        var closed: Set<Int> = []
        for day in 0..<grid.days {
            var open = Array(repeating: false, count: grid.slotsPerDay)
            for span in openSpans(day: day) {
                for slot in grid.slots(ofDay: day, minutes: span) { open[slot - day * grid.slotsPerDay] = true }
            }
            for (position, isOpen) in open.enumerated() where !isOpen {
                closed.insert(day * grid.slotsPerDay + position)
            }
        }
        return closed
    }

    /// A resource, everything above it and everything below it: what its maintenance blocks.
    private func related(_ index: Int) -> [Int] {
        let resources = snapshot.resources
        var above: [Int] = []
        var parent = resources[index].parentId.flatMap { resourceIndex[$0] }
        while let outer = parent, !above.contains(outer), outer != index {
            above.append(outer)
            parent = resources[outer].parentId.flatMap { resourceIndex[$0] }
        }
        let below = resources.indices.filter { resourceIsBelow($0, index) }
        return [index] + above + below
    }

    /// The policy's changeover rules for one kind of resource, in slots (rounded up).
    private func changeover(for kind: ResourceKind) -> Changeover? {
        let rules = snapshot.policy.changeovers.filter { $0.resourceKind == kind && $0.minutes > 0 }
        guard !rules.isEmpty else { return nil }
        var matrix = Changeover()
        for rule in rules {
            matrix.setBuffer(slots(minutes: rule.minutes), from: rule.fromCategory.session, to: rule.toCategory.session)
        }
        return matrix
    }

    /// The allocator's instructors: skills, weekly cap in slots, and the slots outside their availability
    /// (days of leave included).
    func instructors() -> [Allocator.Instructor] {
        let grid = snapshot.grid
        return snapshot.instructors.enumerated().map { index, instructor in
            var unavailable: [Int] = []
            for day in 0..<grid.days {
                let date = grid.date(ofDay: day)
                var free = Array(repeating: false, count: grid.slotsPerDay)
                // a day of leave is a day without availability
                if grid.day(of: date) != nil, !instructor.leave.contains(where: { $0.covers(date) }) {
                    let weekday = snapshot.calendar.timetableWeekday(on: date) ?? date.isoWeekday
                    for available in instructor.availability
                    where available.weekday == weekday && available.from < available.to {
                        for slot in grid.slots(ofDay: day, minutes: available.from.minutes..<available.to.minutes) {
                            free[slot - day * grid.slotsPerDay] = true
                        }
                    }
                }
                for (position, isFree) in free.enumerated() where !isFree {
                    let slot = day * grid.slotsPerDay + position
                    if !(pinnedInstructorSlots[index]?.contains(slot) ?? false) { unavailable.append(slot) }
                }
            }
            return Allocator.Instructor(
                name: instructor.name, skills: instructor.skills.map(\.skill),
                weeklySlotCap: instructor.weeklyHourCap * 60 / grid.slotMinutes, unavailableSlots: unavailable)
        }
    }

    /// Instructors holding every skill with a certificate still valid on `lastDate`.
    func instructors(skills: [String], validThrough lastDate: CalendarDate) -> [Int] {
        snapshot.instructors.indices.filter { snapshot.instructors[$0].holds(skills, validOn: lastDate) }
    }

    /// Where a group of `people` can work with `capability`, and the units it takes there: stations of
    /// a pool that has enough of them; otherwise a whole room or workshop that has the capability or
    /// holds machines that do, and (for a group that works one machine in turns) a whole machine.
    func resourceNeed(capability: String, people: Int, perStation: Int, sharesMachine: Bool) -> ResourceNeed {
        let stations = max(1, (people + perStation - 1) / perStation)
        let active = snapshot.resources.enumerated().filter { $0.element.status == .active }
        let pools = active.filter {
            $0.element.kind == .workstationPool && $0.element.capabilities.contains(capability)
                && $0.element.seats >= stations
        }
        if !pools.isEmpty { return ResourceNeed(units: stations, eligibleResources: pools.map(\.offset)) }
        let spaces = active.filter { index, resource in
            (resource.kind == .room || resource.kind == .workshop)
                && (resource.capabilities.contains(capability) || holds(capability, below: index))
        }
        let machines = active.filter {
            (sharesMachine || stations == 1) && $0.element.kind == .equipmentLine
                && $0.element.capabilities.contains(capability)
        }
        let eligible = (spaces + machines).map(\.offset).sorted()
        return ResourceNeed(capabilities: eligible.isEmpty ? [capability] : [], units: 1, eligibleResources: eligible)
    }

    /// A classroom for `people`, for a course's theory part that names no capability: any active
    /// room seating them (a room without a seat count seats anyone).
    func classroomNeed(people: Int) -> ResourceNeed {
        let rooms = snapshot.resources.indices.filter {
            let room = snapshot.resources[$0]
            return room.status == .active && room.kind == .room && (room.seats == 0 || room.seats >= people)
        }
        return ResourceNeed(units: 1, eligibleResources: rooms)
    }

    private func holds(_ capability: String, below index: Int) -> Bool {
        snapshot.resources.enumerated().contains { candidate, resource in
            resource.status == .active && resource.capabilities.contains(capability)
                && resourceIsBelow(candidate, index)
        }
    }

    /// Whether `candidate` lies inside `index`, at any depth.
    private func resourceIsBelow(_ candidate: Int, _ index: Int) -> Bool {
        var parent = snapshot.resources[candidate].parentId.flatMap { resourceIndex[$0] }
        var depth = 0
        while let outer = parent, depth < snapshot.resources.count {
            if outer == index { return true }
            parent = snapshot.resources[outer].parentId.flatMap { resourceIndex[$0] }
            depth += 1
        }
        return false
    }
}
