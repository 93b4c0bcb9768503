/// What an organization is; the SQL enum `organization_kind` has the same values.
public enum OrganizationKind: String, Sendable, Codable, CaseIterable {
    /// 中职
    case secondaryVocationalSchool = "secondary_vocational_school"
    /// 高职
    case higherVocationalCollege = "higher_vocational_college"
    /// 本科
    case undergraduateUniversity = "undergraduate_university"
    case largeEnterprise = "large_enterprise"
    case sme
    case researchInstitute = "research_institute"
    case centerOperator = "center_operator"

    /// Whether this is a school of some level (its members run student training).
    public var isSchool: Bool {
        switch self {
        case .secondaryVocationalSchool, .higherVocationalCollege, .undergraduateUniversity: true
        default: false
        }
    }

    /// Whether this is an enterprise (upskilling, shared-employee seats, pilot production).
    public var isEnterprise: Bool { self == .largeEnterprise || self == .sme }
}
