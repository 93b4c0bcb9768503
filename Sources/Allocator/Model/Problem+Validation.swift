extension Problem {
    /// Checks that every index refers to an existing fact and that every size is possible.
    /// - Throws: ``AllocatorError`` with code `invalidProblem`, naming the first offending field.
    public func validate() throws(AllocatorError) {
        guard horizon.days > 0, horizon.slotsPerDay > 0, horizon.daysPerWeek > 0 else {
            throw .invalidProblem("The horizon (\(horizon.days) days × \(horizon.slotsPerDay) slots) is empty.")
        }
        guard horizon.days <= Horizon.maximumDays, horizon.slotsPerDay <= Horizon.maximumSlotsPerDay,
            horizon.daysPerWeek <= Horizon.maximumDays
        else {
            throw .invalidProblem(
                "The horizon (\(horizon.days) days × \(horizon.slotsPerDay) slots) is larger than "
                    + "\(Horizon.maximumDays) days × \(Horizon.maximumSlotsPerDay) slots.")
        }
        let slots = horizon.slotCount
        for (index, resource) in resources.enumerated() {
            try check(resource.capacity >= 1, "resources[\(index)].capacity (\(resource.capacity)) must be at least 1.")
            try check(
                resource.parent.map { $0 >= 0 && $0 < resources.count && $0 != index } ?? true,
                "resources[\(index)].parent (\(resource.parent ?? -1)) is not another resource."
            )
            try checkSlots(resource.unavailableSlots, slots, "resources[\(index)].unavailableSlots")
        }
        try checkAcyclicContainment()
        for (index, instructor) in instructors.enumerated() {
            try checkSlots(instructor.unavailableSlots, slots, "instructors[\(index)].unavailableSlots")
        }
        for (index, session) in sessions.enumerated() {
            try validate(session, index: index)
        }
        try validateSeries()
        try validateSharedCourses()
        try validateQuotas()
        try validateMagnitudes()
        for (session, assignment) in pinned {
            try check(session >= 0 && session < sessions.count, "pinned session \(session) does not exist.")
            try check(
                assignment.start >= 0 && assignment.start < slots
                    && sessions[session].duration(at: assignment.start) <= slots - assignment.start
                    && assignment.resource >= 0 && assignment.resource < resources.count
                    && (assignment.instructor.map { $0 >= 0 && $0 < instructors.count } ?? true)
                    && (assignment.secondInstructor.map { $0 >= 0 && $0 < instructors.count } ?? true),
                "pinned[\(session)] refers to a slot, resource or instructor that does not exist."
            )
        }
        try check(
            previous.map { $0.assignments.count == sessions.count } ?? true,
            "previous has \(previous?.assignments.count ?? 0) assignments for \(sessions.count) sessions."
        )
    }

    private func validate(_ session: Session, index: Int) throws(AllocatorError) {
        let name = "sessions[\(index)]"
        try check(
            session.duration >= 1 && session.duration <= horizon.slotsPerDay,
            "\(name).duration (\(session.duration)) must be between 1 and \(horizon.slotsPerDay) slots."
        )
        try check(session.priority >= 0, "\(name).priority (\(session.priority)) must be 0 or more.")
        try check(
            (0...horizon.slotCount).contains(session.bufferBefore)
                && (0...horizon.slotCount).contains(session.bufferAfter),
            "\(name).bufferBefore and bufferAfter must be between 0 and \(horizon.slotCount) slots.")
        try check(session.resourceNeed.units >= 1, "\(name).resourceNeed.units must be at least 1.")
        try check(
            session.organization >= 0 && (organizations.isEmpty || session.organization < organizations.count),
            "\(name).organization (\(session.organization)) does not exist."
        )
        try check(
            session.cohorts.allSatisfy { $0 >= 0 && $0 < cohorts.count },
            "\(name).cohorts refers to a cohort that does not exist."
        )
        try check(
            session.resourceNeed.eligibleResources?.allSatisfy { $0 >= 0 && $0 < resources.count } ?? true,
            "\(name).resourceNeed.eligibleResources refers to a resource that does not exist."
        )
        try check(
            session.eligibleInstructors?.allSatisfy { $0 >= 0 && $0 < instructors.count } ?? true,
            "\(name).eligibleInstructors refers to an instructor that does not exist."
        )
        try check(
            session.series.map { $0 >= 0 && $0 < series.count && series[$0].kind != .simultaneous } ?? true,
            "\(name).series (\(session.series ?? -1)) does not exist or is simultaneous (which members do not name)."
        )
        if let second = session.secondInstructor {
            try check(session.needsInstructor, "\(name).secondInstructor needs needsInstructor.")
            try check(
                second.eligibleInstructors?.allSatisfy { $0 >= 0 && $0 < instructors.count } ?? true,
                "\(name).secondInstructor.eligibleInstructors refers to an instructor that does not exist."
            )
        }
        try checkSlots(session.allowedStarts ?? [], horizon.slotCount, "\(name).allowedStarts")
        try check(
            session.durations.map { durations in
                durations.count == session.allowedStarts?.count && durations.allSatisfy { (1...session.duration) ~= $0 }
            } ?? true,
            "\(name).durations must give one length from 1 to duration (\(session.duration)) per allowed start."
        )
        try checkSlots(session.preferredStarts, horizon.slotCount, "\(name).preferredStarts")
        try check(
            session.preferredDays.allSatisfy { $0 >= 0 && $0 < horizon.days },
            "\(name).preferredDays holds a day outside the horizon (0..<\(horizon.days))."
        )
    }

    /// Members of a series name it, except those of a simultaneous series, who are in at most one.
    private func validateSeries() throws(AllocatorError) {
        var together = Set<Int>()
        for (index, series) in series.enumerated() {
            guard series.kind == .simultaneous else {
                try check(
                    series.sessions.allSatisfy { $0 >= 0 && $0 < sessions.count && sessions[$0].series == index },
                    "series[\(index)].sessions must list sessions whose `series` is \(index)."
                )
                continue
            }
            for session in series.sessions {
                try check(session >= 0 && session < sessions.count, "series[\(index)] lists session \(session).")
                try check(
                    together.insert(session).inserted,
                    "session \(session) is in two simultaneous series (series[\(index)] is the second)."
                )
            }
        }
    }

    /// A shared course names a series and organizations that exist.
    private func validateSharedCourses() throws(AllocatorError) {
        for (index, course) in sharedCourses.enumerated() {
            try check(
                course.series >= 0 && course.series < series.count, "sharedCourses[\(index)].series does not exist.")
            try check(
                course.requests.allSatisfy {
                    $0.organization >= 0 && (organizations.isEmpty || $0.organization < organizations.count)
                },
                "sharedCourses[\(index)].requests names an organization that does not exist.")
        }
    }

    /// A quota counts sessions and resources that exist, in disjoint windows of the horizon in order.
    private func validateQuotas() throws(AllocatorError) {
        for (index, quota) in quotas.enumerated() {
            let name = "quotas[\(index)]"
            try check(
                quota.sessions.allSatisfy { $0 >= 0 && $0 < sessions.count },
                "\(name).sessions names a missing session.")
            try check(
                quota.resources?.allSatisfy { $0 >= 0 && $0 < resources.count } ?? true,
                "\(name).resources names a missing resource.")
            var end = 0
            for (position, window) in quota.windows.enumerated() {
                try check(
                    window.start >= end && window.start < window.end && window.end <= horizon.slotCount,
                    "\(name).windows[\(position)] is not a stretch of the horizon after the window before it.")
                end = window.end
            }
        }
    }

    /// Counts, weights and percentages within what a center can mean, so that no sum the solver
    /// keeps of them can overflow.
    private func validateMagnitudes() throws(AllocatorError) {
        let limit = Problem.maximumCount
        var counts: [(String, Int)] = []
        for (index, resource) in resources.enumerated() {
            counts += [
                ("resources[\(index)].capacity", resource.capacity), ("resources[\(index)].seats", resource.seats),
            ]
        }
        for (index, session) in sessions.enumerated() {
            counts += [
                ("sessions[\(index)].participants", session.participants),
                ("sessions[\(index)].priority", session.priority),
                ("sessions[\(index)].resourceNeed.units", session.resourceNeed.units),
                ("sessions[\(index)].resourceNeed.minimumSeats", session.resourceNeed.minimumSeats),
            ]
        }
        for (index, instructor) in instructors.enumerated() {
            counts.append(("instructors[\(index)].weeklySlotCap", instructor.weeklySlotCap ?? 0))
        }
        for (index, series) in series.enumerated() {
            counts.append(("series[\(index)].minimumDays", series.minimumDays))
        }
        for (index, course) in sharedCourses.enumerated() {
            counts += [
                ("sharedCourses[\(index)].seats", course.seats),
                ("sharedCourses[\(index)].minimumEnrolment", course.minimumEnrolment),
            ]
            counts += course.requests.enumerated().map { ("sharedCourses[\(index)].requests[\($0)].seats", $1.seats) }
        }
        for (index, quota) in quotas.enumerated() {
            counts += quota.windows.enumerated().map { ("quotas[\(index)].windows[\($0)].limit", $1.limit) }
        }
        let w = weights
        counts += [
            ("weights.preferredTime", w.preferredTime), ("weights.seriesTimeStability", w.seriesTimeStability),
            ("weights.roomStability", w.roomStability), ("weights.minimumDays", w.minimumDays),
            ("weights.categoryShare", w.categoryShare), ("weights.organizationFairness", w.organizationFairness),
            ("weights.roomSize", w.roomSize), ("weights.isolatedSlot", w.isolatedSlot),
            ("weights.leastChange", w.leastChange),
        ]
        for (field, value) in counts {
            try check((0...limit).contains(value), "\(field) (\(value)) is outside 0...\(limit).")
        }
        for (field, percents) in [
            ("categoryPolicy.minimumPercent", categoryPolicy.minimumPercent),
            ("categoryPolicy.maximumPercent", categoryPolicy.maximumPercent),
        ] {
            try check(percents.allSatisfy { (0...100).contains($0) }, "\(field) holds a value outside 0...100.")
        }
    }

    private func checkAcyclicContainment() throws(AllocatorError) {
        for start in resources.indices {
            var current = resources[start].parent
            var depth = 0
            while let parent = current {
                depth += 1
                try check(depth <= resources.count, "resources[\(start)] is inside itself through its parents.")
                current = resources[parent].parent
            }
        }
    }

    private func checkSlots(_ slots: [Int], _ count: Int, _ field: String) throws(AllocatorError) {
        try check(slots.allSatisfy { $0 >= 0 && $0 < count }, "\(field) holds a slot outside 0..<\(count).")
    }

    private func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(AllocatorError) {
        if !condition { throw .invalidProblem(message() + " Check the problem file.") }
    }
}

extension Problem {
    /// The largest count, weight or seat number a problem may hold.
    public static let maximumCount = 1_000_000
}
