extension RequestDetails {
    /// The capability the resources of the request's sessions must offer, as the planner maps it:
    /// a class's or a pilot run's capability, a course's skill.
    public var resourceCapability: String? {
        switch self {
        case .studentTraining(let details): details.capability
        case .employeeUpskilling(let details): details.skill
        case .sharedEmployee(let details): details.skill
        case .pilotProduction(let details): details.capability
        }
    }

    /// The skills the instructor of the request's sessions must hold, as the planner maps them.
    public var instructorSkills: [String] {
        switch self {
        case .studentTraining(let details): details.instructorSkills
        case .employeeUpskilling(let details): [details.skill]
        case .sharedEmployee(let details): details.skill.map { [$0] } ?? []
        case .pilotProduction: []
        }
    }
}
