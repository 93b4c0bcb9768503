// Groups and two instructors (双师) of one meeting of a student-training request:
//
//   groups       ← TrainingGroups.count (by size, by count, or by the largest pool of the capability), sizes as
//                  even as can be; no groups: the whole class is one session, as before
//   a group      ← one session: its own stations (the need of its size), in rotation the capability
//                  rotation[(g + meeting) mod n]; group 1 keeps the request's weekly series, group g one of its own
//   together     ← a simultaneous series per meeting, and each group's cohort is its part of the class (see parts);
//                  apart, the groups keep the whole class, so they never overlap
//   instructors  ← with a mentor: the teacher is one of the school's instructors, the mentor one of another
//                  organization (an enterprise or the center's operator) with the mentor skills; without one, a
//                  group over the students-per-instructor ratio gets a second teacher with the teacher's skills
//   parts        ← after every request (splitClassesIntoParts): a class whose groups meet together is cut into
//                  parts at every group boundary; a group takes its parts, everything else of the class all of them,
//                  so groups of one meeting never clash with each other and always with the rest of their class

import Allocator
import Dates
import Domain
import Foundation

/// A group's share of its class while its siblings meet at the same time: students `students` of `cohort`.
struct ClassPart {
    var cohort: Int
    var students: Range<Int>
}

extension ProblemBuilder {
    /// Adds the sessions of meeting `number` of a training request: `whole` for the class, or one per group.
    /// - Returns: the indices of the sessions added.
    mutating func addMeeting(
        _ whole: Session, _ request: Request, _ details: StudentTrainingDetails, number: Int
    ) -> [Int] {
        let people = whole.participants
        let stations = max(1, (people + details.studentsPerStation - 1) / details.studentsPerStation)
        let count =
            details.groups?.count(people: people, stations: stations, largestPool: largestPool(details.capability)) ?? 1
        let together = details.groups?.together ?? true
        var indices: [Int] = []
        var first = 0
        for (group, size) in TrainingGroups.sizes(people: people, count: count).enumerated() {
            var session = whole
            if count > 1 || details.groups?.mode == .rotation {
                let rotation = details.groups?.rotation ?? []
                let capability = rotation.isEmpty ? details.capability : rotation[(group + number) % rotation.count]
                session.name = whole.name + SessionGroup(number: group + 1, count: count).suffix
                session.participants = size
                session.resourceNeed = resourceNeed(
                    capability: capability, people: size, perStation: details.studentsPerStation, sharesMachine: false)
                session.series = groupSeries(whole.series, group: group)
            }
            addInstructors(to: &session, details, request)
            let index = add(session, request, number * count + group)
            if count > 1 {
                planning.groups[index] = SessionGroup(number: group + 1, count: count)
                if together, let cohort = whole.cohorts.first {
                    classParts[index] = ClassPart(cohort: cohort, students: first..<(first + size))
                }
            }
            first += size
            indices.append(index)
        }
        if count > 1 && together {
            planning.problem.series.append(
                Series(name: "\(whole.name) · groups together", kind: .simultaneous, sessions: indices))
        }
        return indices
    }

    /// Stations of the largest active pool with `capability`, `nil` when there is none.
    private func largestPool(_ capability: String) -> Int? {
        snapshot.resources.filter {
            $0.status == .active && $0.kind == .workstationPool && $0.capabilities.contains(capability)
        }.map(\.seats).max()
    }

    /// The weekly series of group `group` beside the request's series `series` (group 0 keeps it).
    private mutating func groupSeries(_ series: Int?, group: Int) -> Int? {
        guard let series, group > 0 else { return series }
        let key = GroupSeriesKey(series: series, group: group)
        if let index = groupSeriesIndex[key] { return index }
        let model = planning.problem.series[series]
        planning.problem.series.append(
            Series(name: "\(model.name) · group \(group + 1)", kind: model.kind, sessions: [], minimumDays: 0))
        groupSeriesIndex[key] = planning.problem.series.count - 1
        return planning.problem.series.count - 1
    }

    /// The teacher's eligibility and the second instructor (a mentor, or a second teacher for the ratio).
    private func addInstructors(to session: inout Session, _ details: StudentTrainingDetails, _ request: Request) {
        guard session.needsInstructor, details.needsSecondInstructor(people: session.participants) else { return }
        let mentorSkills = details.mentorSkills ?? []
        guard !mentorSkills.isEmpty else {
            session.secondInstructor = SecondInstructorNeed(
                requiredSkills: session.requiredSkills, eligibleInstructors: session.eligibleInstructors)
            return
        }
        let school = request.organizationId
        session.eligibleInstructors = session.eligibleInstructors?.filter {
            snapshot.instructors[$0].organizationId == school
        }
        let lastDay = (session.allowedStarts ?? []).max().map { $0 / snapshot.grid.slotsPerDay }
        let last = lastDay.map(snapshot.grid.date(ofDay:)) ?? snapshot.grid.last
        session.secondInstructor = SecondInstructorNeed(
            requiredSkills: mentorSkills,
            eligibleInstructors: instructors(skills: mentorSkills, validThrough: last).filter {
                snapshot.instructors[$0].organizationId != school
            })
    }

    /// A confirmed booking of one group of a class holds its part of the class, so that its sibling groups'
    /// bookings at the same time are no clash.
    mutating func notePinnedGroup(_ booking: Booking, session index: Int) {
        guard let group = booking.group, let id = booking.cohortIds.first, let size = snapshot.cohorts[id]?.size,
            let cohort = cohortIndex[id], group.count <= size
        else { return }
        let sizes = TrainingGroups.sizes(people: size, count: group.count)
        let first = sizes.prefix(group.number - 1).reduce(0, +)
        classParts[index] = ClassPart(cohort: cohort, students: first..<(first + sizes[group.number - 1]))
    }

    /// Cuts every class whose groups meet together into parts (see the mapping above).
    mutating func splitClassesIntoParts() {
        var cuts: [Int: Set<Int>] = [:]
        for part in classParts.values {
            cuts[part.cohort, default: [0]].formUnion([part.students.lowerBound, part.students.upperBound])
        }
        var parts: [Int: [ClassPart]] = [:]
        for cohort in cuts.keys.sorted() {
            let bounds = cuts[cohort, default: []].sorted()
            let model = planning.problem.cohorts[cohort]
            parts[cohort] = zip(bounds, bounds.dropFirst()).enumerated().map { position, bound in
                var piece = model
                piece.name = "\(model.name) (students \(bound.0 + 1)–\(bound.1))"
                var index = cohort
                if position == 0 {
                    planning.problem.cohorts[cohort] = piece
                } else {
                    planning.problem.cohorts.append(piece)
                    planning.cohortIds.append(planning.cohortIds[cohort])
                    index = planning.problem.cohorts.count - 1
                }
                return ClassPart(cohort: index, students: bound.0..<bound.1)
            }
        }
        guard !parts.isEmpty else { return }
        for session in planning.problem.sessions.indices {
            let own = classParts[session]
            planning.problem.sessions[session].cohorts = planning.problem.sessions[session].cohorts.flatMap {
                cohort -> [Int] in
                guard let pieces = parts[cohort] else { return [cohort] }
                guard let own, own.cohort == cohort else { return pieces.map(\.cohort) }
                return pieces.filter { own.students.overlaps($0.students) }.map(\.cohort)
            }
        }
    }
}

extension SessionGroup {
    /// What a group's session name ends with, for explanations (" · group 1/2"); its booking's title goes
    /// without it, and pages show the group in the reader's language.
    var suffix: String { " · group \(number)/\(count)" }
}

/// A request's weekly series and a group number: the key of that group's own weekly series.
struct GroupSeriesKey: Hashable {
    var series: Int
    var group: Int
}
