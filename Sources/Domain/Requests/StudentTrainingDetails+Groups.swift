// Checks of groups, the second instructor (双师) and the students-per-instructor ratio:
//
//   alone (validate):      a split names its size or count; rotation lists ≥ 2 station capabilities and splits by
//                          size or count; tags are tags; the ratio is 1…100
//   with the class size:   a group no larger than its class; no more groups than stations; no fewer rotation
//                          stations than groups; a group needs at most two instructors (a teacher and a second
//                          one) at the ratio, else it must be split further

extension StudentTrainingDetails {
    /// How many instructors a group of `people` needs at the ratio: 1 without one.
    public func instructorsNeeded(people: Int) -> Int {
        guard let ratio = studentsPerInstructor, ratio > 0 else { return 1 }
        return max(1, (people + ratio - 1) / ratio)
    }

    /// Whether a session needs a second instructor: a mentor is asked for, or the ratio needs two.
    public func needsSecondInstructor(people: Int) -> Bool {
        !(mentorSkills ?? []).isEmpty || instructorsNeeded(people: people) > 1
    }

    func validateGroupsAndMentor() throws(DomainError) {
        for (index, skill) in (mentorSkills ?? []).enumerated() {
            _ = try Validate.tag(skill, field: "details/mentorSkills/\(index)")
        }
        if let ratio = studentsPerInstructor {
            _ = try Validate.range(ratio, 1...100, field: "details/studentsPerInstructor")
        }
        guard let groups else { return }
        switch groups.split {
        case .size:
            _ = try Validate.range(groups.groupSize ?? 0, 1...1000, field: "details/groups/groupSize")
        case .count:
            _ = try Validate.range(groups.groupCount ?? 0, 2...50, field: "details/groups/groupCount")
        case .stations: break
        }
        let rotation = groups.rotation ?? []
        if groups.mode == .rotation {
            guard rotation.count >= 2 else {
                throw DomainError(
                    field: "details/groups/rotation", rule: "required",
                    message:
                        "A rotation lists at least two stations' capabilities, in order (e.g. cnc.lathe, cnc.mill).")
            }
            guard groups.split != .stations else {
                throw DomainError(
                    field: "details/groups/split", rule: "rotation",
                    message: "Groups that rotate are split by size or by count, so that each station has its group.")
            }
        } else if !rotation.isEmpty {
            throw DomainError(
                field: "details/groups/rotation", rule: "mode",
                message: "Only groups in mode rotation list rotation stations; parallel groups use the capability.")
        }
        for (index, tag) in rotation.enumerated() {
            _ = try Validate.tag(tag, field: "details/groups/rotation/\(index)")
        }
    }

    /// Checks the groups and the ratio against a class of `classSize` students, in a center whose largest active
    /// pool with the capability has `largestPool` stations (`nil`: none; groups by stations are then one).
    /// - Throws: ``DomainError`` naming the field and the rule (`groupLargerThanClass`, `moreGroupsThanStations`,
    ///   `fewerStationsThanGroups`, `ratio`).
    public func validate(classSize: Int, largestPool: Int?) throws(DomainError) {
        let stations = max(1, (classSize + studentsPerStation - 1) / studentsPerStation)
        var groupCount = 1
        if let groups {
            if let size = groups.groupSize, groups.split == .size, size > classSize {
                throw DomainError(
                    field: "details/groups/groupSize", rule: "groupLargerThanClass",
                    message: "A group of \(size) is larger than its class of \(classSize).")
            }
            groupCount = groups.count(people: classSize, stations: stations, largestPool: largestPool)
            if groupCount > stations {
                throw DomainError(
                    field: groups.split == .size ? "details/groups/groupSize" : "details/groups/groupCount",
                    rule: "moreGroupsThanStations",
                    message:
                        "\(groupCount) groups are more than the \(stations) stations a class of \(classSize) at \(studentsPerStation) per station fills; some group would have no station."
                )
            }
            if groups.mode == .rotation, let rotation = groups.rotation, rotation.count < groupCount {
                throw DomainError(
                    field: "details/groups/rotation", rule: "fewerStationsThanGroups",
                    message: "A rotation of \(rotation.count) stations cannot take \(groupCount) groups at once.")
            }
        }
        let largest = TrainingGroups.sizes(people: classSize, count: groupCount).first ?? classSize
        let needed = instructorsNeeded(people: largest)
        if needed > 2, let ratio = studentsPerInstructor {
            throw DomainError(
                field: "details/studentsPerInstructor", rule: "ratio",
                message:
                    "A group of \(largest) at most \(ratio) per instructor needs \(needed) instructors; two run a group at most, so split the class into groups of at most \(2 * ratio)."
            )
        }
    }
}
