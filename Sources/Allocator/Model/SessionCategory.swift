/// The four kinds of work that compete for a center's resources (DESIGN.md, first table).
public enum SessionCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A school class's practical session.
    case studentTraining = "student_training"
    /// An enterprise's employee upskilling course.
    case employeeUpskilling = "employee_upskilling"
    /// A shared-employee course whose seats several SMEs buy.
    case sharedEmployee = "shared_employee"
    /// Exclusive use of an equipment line for a pilot production run.
    case pilotProduction = "pilot_production"

    /// Dense index, for tables indexed by category.
    public var index: Int {
        switch self {
        case .studentTraining: 0
        case .employeeUpskilling: 1
        case .sharedEmployee: 2
        case .pilotProduction: 3
        }
    }
}
