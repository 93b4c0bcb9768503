extension RequestDetails {
    /// The capability the resources of the request's sessions must offer, as the planner maps it:
    /// a class's or a pilot run's capability, a course's skill; for a course of parts, the capability
    /// all its parts share (none when they differ: each part's sessions have their own).
    public var resourceCapability: String? {
        switch self {
        case .studentTraining(let details): details.capability
        case .employeeUpskilling(let details):
            Set(details.effectiveParts.map(\.capability)).count == 1 ? details.effectiveParts.first?.capability : nil
        case .sharedEmployee(let details): details.skill
        case .pilotProduction(let details): details.capability
        }
    }

    /// The skills the instructor of the request's sessions must hold, as the planner maps them; for a
    /// course of parts, the skills every part asks for.
    public var instructorSkills: [String] {
        switch self {
        case .studentTraining(let details): details.instructorSkills
        case .employeeUpskilling(let details):
            details.effectiveParts.dropFirst().reduce(Set(details.effectiveParts.prefix(1).map(\.skill))) {
                $0.intersection([$1.skill])
            }.sorted()
        case .sharedEmployee(let details): details.skill.map { [$0] } ?? []
        case .pilotProduction: []
        }
    }
}
