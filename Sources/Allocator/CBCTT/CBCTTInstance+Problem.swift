// CB-CTT → Problem (UD2):
//   horizon        days × periods per day, a week of `days` days
//   rooms          resources of capacity 1 with their seats; room capacity is soft (roomSize weight 1)
//   teachers       instructors; each lecture may only be run by its course's teacher
//   curricula      cohorts; a lecture belongs to the curricula of its course
//   courses        spread series of `lectures` one-slot sessions, minimum days = min working days (weight 5),
//                  room stability weight 1; unavailability removes starts
//   isolated lectures → isolatedSlot weight 2; no other soft constraint is active

extension CBCTTInstance {
    /// The course of each session of ``problem()``, by session index: the lectures of course 0, then course 1…
    public var lectureCourses: [Int] {
        courses.enumerated().flatMap { index, course in Array(repeating: index, count: course.lectures) }
    }

    /// The instance as an allocator ``Problem`` whose soft score is the UD2 cost once the solution is feasible.
    public func problem() -> Problem {
        let horizon = Horizon(days: days, slotsPerDay: periodsPerDay, daysPerWeek: days)
        var teacherIndex: [String: Int] = [:]
        var instructors: [Instructor] = []
        for course in courses where teacherIndex[course.teacher] == nil {
            teacherIndex[course.teacher] = instructors.count
            instructors.append(Instructor(name: course.teacher))
        }
        var cohortsOfCourse = Array(repeating: Set<Int>(), count: courses.count)
        for (index, curriculum) in curricula.enumerated() {
            for course in curriculum.courses { cohortsOfCourse[course].insert(index) }
        }
        var forbidden = Array(repeating: Set<Int>(), count: courses.count)
        for constraint in unavailabilities {
            forbidden[constraint.course].insert(horizon.slot(day: constraint.day, slotInDay: constraint.period))
        }
        var sessions: [Session] = []
        var series: [Series] = []
        for (index, course) in courses.enumerated() {
            let starts = (0..<horizon.slotCount).filter { !forbidden[index].contains($0) }
            let members = Array(sessions.count..<(sessions.count + course.lectures))
            for lecture in 0..<course.lectures {
                sessions.append(
                    Session(
                        name: "\(course.name)#\(lecture + 1)",
                        duration: 1,
                        allowedStarts: starts,
                        participants: course.students,
                        cohorts: cohortsOfCourse[index].sorted(),
                        needsInstructor: true,
                        eligibleInstructors: [teacherIndex[course.teacher]!],
                        series: series.count
                    )
                )
            }
            series.append(
                Series(name: course.name, kind: .spread, sessions: members, minimumDays: course.minWorkingDays)
            )
        }
        return Problem(
            horizon: horizon,
            resources: rooms.map { Resource(name: $0.name, capacity: 1, seats: $0.capacity) },
            instructors: instructors,
            cohorts: curricula.map { Cohort(name: $0.name) },
            organizations: [name],
            sessions: sessions,
            series: series,
            weights: SoftWeights(
                preferredTime: 0,
                seriesTimeStability: 0,
                roomStability: 1,
                minimumDays: 5,
                categoryShare: 0,
                organizationFairness: 0,
                roomSize: 1,
                isolatedSlot: 2,
                leastChange: 0
            )
        )
    }

    /// The timetable of a solution of ``problem()``: one entry per placed lecture.
    public func timetable(from solution: Solution) -> CBCTTTimetable {
        let courseOf = lectureCourses
        let entries = solution.assignments.enumerated().compactMap { session, assignment in
            assignment.map {
                CBCTTTimetable.Entry(
                    course: courseOf[session],
                    room: $0.resource,
                    day: $0.start / periodsPerDay,
                    period: $0.start % periodsPerDay
                )
            }
        }
        return CBCTTTimetable(entries: entries)
    }
}
