extension RequestDetails {
    /// The capability and skill tags the request names, each with its field (`details/capability`,
    /// `details/instructorSkills/0`): what the center's catalogue must offer.
    public var tags: [(field: String, tag: String)] {
        switch self {
        case .studentTraining(let details):
            [(field: "details/capability", tag: details.capability)]
                + details.instructorSkills.enumerated().map {
                    (field: "details/instructorSkills/\($0.offset)", tag: $0.element)
                }
        case .employeeUpskilling(let details):
            details.parts.map { parts in
                parts.enumerated().flatMap { index, part in
                    (part.capability.map { [(field: "details/parts/\(index)/capability", tag: $0)] } ?? [])
                        + [(field: "details/parts/\(index)/skill", tag: part.skill)]
                }
            } ?? [(field: "details/skill", tag: details.skill)]
        case .sharedEmployee(let details): details.skill.map { [(field: "details/skill", tag: $0)] } ?? []
        case .pilotProduction(let details):
            (details.capability.map { [(field: "details/capability", tag: $0)] } ?? [])
                + (details.extraResources ?? []).enumerated().compactMap { index, extra in
                    extra.capability.map { (field: "details/extraResources/\(index)/capability", tag: $0) }
                }
        }
    }
}
