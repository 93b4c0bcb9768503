// CB-CTT evaluation, formulation UD2, following the counting rules of the official ITC-2007 track 3 validator.
//
//   grid[course][period] ← room of each entry; an entry out of range, or repeating a (course, period)
//                          already placed, is skipped and counted instead
//   for each course c:   Lectures       += |periods taught − lectures required|
//                        Availability   += periods taught that c is unavailable
//                        RoomCapacity   += Σ over its lectures of max(0, students − room capacity)
//                        MinWorkingDays += max(0, minimum working days − days taught)
//                        RoomStability  += max(0, distinct rooms − 1)
//   for each pair c1 < c2 sharing a curriculum or a teacher: Conflicts += periods both teach
//   for each room and period holding n lectures:             RoomOccupancy += max(0, n − 1)
//   for each curriculum and period holding n > 0 of its lectures, none in the same day's previous or next period:
//                                                            IsolatedLectures += n
//   hard = Lectures + Conflicts + Availability + RoomOccupancy + skipped entries
//   soft = RoomCapacity × 1 + MinWorkingDays × 5 + IsolatedLectures × 2 + RoomStability × 1

/// Scores ``CBCTTTimetable``s for one instance with the UD2 objective, counting every hard and soft constraint
/// the way the official CB-CTT validator does.
///
/// The instance must be consistent, as ``CBCTTInstance/init(parsing:)`` makes it: every course index in a
/// curriculum or unavailability, and every day and period, in range.
public struct CBCTTEvaluator: Sendable {
    /// The instance timetables are scored against.
    public let instance: CBCTTInstance
    private let periods: Int
    /// For each course, the higher-numbered courses sharing a curriculum or a teacher with it.
    private let laterConflicting: [[Int]]
    /// For each curriculum, its distinct courses.
    private let curriculumCourses: [[Int]]
    /// `unavailable[course * periods + period]`.
    private let unavailable: [Bool]

    /// Prepares the conflict and availability tables of `instance`.
    public init(instance: CBCTTInstance) {
        self.instance = instance
        periods = instance.days * instance.periodsPerDay
        curriculumCourses = instance.curricula.map { Array(Set($0.courses)).sorted() }
        laterConflicting = Self.conflictingPairs(instance, curriculumCourses: curriculumCourses)
        var unavailable = Array(repeating: false, count: instance.courses.count * periods)
        for constraint in instance.unavailabilities {
            let period = constraint.day * instance.periodsPerDay + constraint.period
            unavailable[constraint.course * periods + period] = true
        }
        self.unavailable = unavailable
    }

    private static func conflictingPairs(_ instance: CBCTTInstance, curriculumCourses: [[Int]]) -> [[Int]] {
        var groups = curriculumCourses
        var coursesByTeacher: [String: [Int]] = [:]
        for (course, info) in instance.courses.enumerated() {
            coursesByTeacher[info.teacher, default: []].append(course)
        }
        groups += coursesByTeacher.values
        var later = Array(repeating: Set<Int>(), count: instance.courses.count)
        for group in groups {
            for first in group {
                for second in group where second > first {
                    later[first].insert(second)
                }
            }
        }
        return later.map { $0.sorted() }
    }

    /// Scores `timetable`.
    ///
    /// - Parameter timetable: Any timetable; entries the instance cannot hold are counted as skipped.
    /// - Returns: The count of each violation and cost.
    public func evaluate(_ timetable: CBCTTTimetable) -> CBCTTEvaluation {
        let (grid, skipped) = placeEntries(of: timetable)
        var evaluation = CBCTTEvaluation(skippedEntries: skipped)
        for course in instance.courses.indices {
            countCourseRules(of: course, grid: grid, into: &evaluation)
        }
        evaluation.conflicts = countConflicts(grid)
        evaluation.roomOccupancy = countRoomOccupancy(grid)
        evaluation.isolatedLectures = countIsolatedLectures(grid)
        return evaluation
    }

    /// The room of each (course, period), at `course * periods + period`, or -1 when the course is not taught.
    private func placeEntries(of timetable: CBCTTTimetable) -> (grid: [Int], skipped: Int) {
        var grid = Array(repeating: -1, count: instance.courses.count * periods)
        var skipped = 0
        for entry in timetable.entries {
            guard instance.courses.indices.contains(entry.course), instance.rooms.indices.contains(entry.room),
                (0..<instance.days).contains(entry.day), (0..<instance.periodsPerDay).contains(entry.period)
            else {
                skipped += 1
                continue
            }
            let cell = entry.course * periods + entry.day * instance.periodsPerDay + entry.period
            if grid[cell] >= 0 {
                skipped += 1
            } else {
                grid[cell] = entry.room
            }
        }
        return (grid, skipped)
    }

    /// Adds the Lectures, Availability, RoomCapacity, MinWorkingDays and RoomStability counts of one course.
    private func countCourseRules(of course: Int, grid: [Int], into evaluation: inout CBCTTEvaluation) {
        let info = instance.courses[course]
        var taught = 0
        var days = Set<Int>()
        var rooms = Set<Int>()
        for period in 0..<periods {
            let room = grid[course * periods + period]
            guard room >= 0 else { continue }
            taught += 1
            days.insert(period / instance.periodsPerDay)
            rooms.insert(room)
            if unavailable[course * periods + period] {
                evaluation.availability += 1
            }
            evaluation.studentsOverCapacity += max(0, info.students - instance.rooms[room].capacity)
        }
        evaluation.lectures += abs(taught - info.lectures)
        evaluation.missingWorkingDays += max(0, info.minWorkingDays - days.count)
        evaluation.extraRooms += max(0, rooms.count - 1)
    }

    private func countConflicts(_ grid: [Int]) -> Int {
        var conflicts = 0
        for (first, others) in laterConflicting.enumerated() {
            for second in others {
                for period in 0..<periods where grid[first * periods + period] >= 0 {
                    if grid[second * periods + period] >= 0 {
                        conflicts += 1
                    }
                }
            }
        }
        return conflicts
    }

    private func countRoomOccupancy(_ grid: [Int]) -> Int {
        var lecturesInRoom = Array(repeating: 0, count: instance.rooms.count * periods)
        for (cell, room) in grid.enumerated() where room >= 0 {
            lecturesInRoom[room * periods + cell % periods] += 1
        }
        return lecturesInRoom.reduce(0) { $0 + max(0, $1 - 1) }
    }

    private func countIsolatedLectures(_ grid: [Int]) -> Int {
        let periodsPerDay = instance.periodsPerDay
        var isolated = 0
        for courses in curriculumCourses {
            var lectures = Array(repeating: 0, count: periods)
            for course in courses {
                for period in 0..<periods where grid[course * periods + period] >= 0 {
                    lectures[period] += 1
                }
            }
            for period in 0..<periods where lectures[period] > 0 {
                let slot = period % periodsPerDay
                let before = slot > 0 ? lectures[period - 1] : 0
                let after = slot < periodsPerDay - 1 ? lectures[period + 1] : 0
                if before == 0 && after == 0 {
                    isolated += lectures[period]
                }
            }
        }
        return isolated
    }
}
