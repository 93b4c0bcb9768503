/// The four kinds of work that share a practice center's workshops and machines.
public enum Category: String, Sendable, Codable, CaseIterable {
    /// 学生实习实训: a school's class, a weekly practical session for a term.
    case studentTraining = "student_training"
    /// 企业员工培训: an enterprise's employees, a block of hours inside a window.
    case employeeUpskilling = "employee_upskilling"
    /// "共享员工"培训: a course the center offers, seats bought by several SMEs.
    case sharedEmployee = "shared_employee"
    /// 产品中试: exclusive use of an equipment line for whole days; confidential.
    case pilotProduction = "pilot_production"

    /// The name used in Chinese-language documents.
    public var chineseName: String {
        switch self {
        case .studentTraining: "学生实习实训"
        case .employeeUpskilling: "企业员工培训"
        case .sharedEmployee: "共享员工培训"
        case .pilotProduction: "产品中试"
        }
    }

    /// The name used in English-language texts.
    public var englishName: String {
        switch self {
        case .studentTraining: "students' practical training"
        case .employeeUpskilling: "employee upskilling"
        case .sharedEmployee: "a shared-employee course"
        case .pilotProduction: "pilot production"
        }
    }
}
