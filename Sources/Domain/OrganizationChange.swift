/// A change to an organization as a caller sends it; absent fields stay as they are.
public struct OrganizationChange: Sendable, Decodable {
    public var name: String?
    public var kind: OrganizationKind?

    public init(name: String? = nil, kind: OrganizationKind? = nil) {
        self.name = name
        self.kind = kind
    }
}

extension OrganizationKind {
    /// Whether an organization of this kind may make requests of `category` (with `sme`, as a
    /// shared-employee seat buyer; the center's operator offers those courses).
    public func asks(_ category: Category) -> Bool {
        switch category {
        case .studentTraining: isSchool
        case .employeeUpskilling, .pilotProduction: isEnterprise
        case .sharedEmployee: self == .sme || self == .centerOperator
        }
    }
}
