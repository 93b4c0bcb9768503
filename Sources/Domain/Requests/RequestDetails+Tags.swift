extension RequestDetails {
    /// The capability and skill tags the request names, each with its field (`details/capability`,
    /// `details/instructorSkills/0`): what the center's catalogue must offer.
    public var tags: [(field: String, tag: String)] {
        switch self {
        case .studentTraining(let details):
            [("details/capability", details.capability)]
                + details.instructorSkills.enumerated().map { ("details/instructorSkills/\($0.offset)", $0.element) }
        case .employeeUpskilling(let details): [("details/skill", details.skill)]
        case .sharedEmployee(let details): details.skill.map { [("details/skill", $0)] } ?? []
        case .pilotProduction(let details): details.capability.map { [("details/capability", $0)] } ?? []
        }
    }
}
