/// The fields of a request that depend on its category.
public enum RequestDetails: Sendable, Equatable {
    case studentTraining(StudentTrainingDetails)
    case employeeUpskilling(EmployeeUpskillingDetails)
    case sharedEmployee(SharedEmployeeDetails)
    case pilotProduction(PilotProductionDetails)

    public var category: Category {
        switch self {
        case .studentTraining: .studentTraining
        case .employeeUpskilling: .employeeUpskilling
        case .sharedEmployee: .sharedEmployee
        case .pilotProduction: .pilotProduction
        }
    }

    /// Checks every field; errors name it as `details/…`.
    public func validate() throws(DomainError) {
        switch self {
        case .studentTraining(let details): try details.validate()
        case .employeeUpskilling(let details): try details.validate()
        case .sharedEmployee(let details): try details.validate()
        case .pilotProduction(let details): try details.validate()
        }
    }

    /// Reads the details of `category` from a decoder positioned on the `details` object.
    public init(category: Category, from decoder: any Decoder) throws {
        switch category {
        case .studentTraining: self = .studentTraining(try StudentTrainingDetails(from: decoder))
        case .employeeUpskilling: self = .employeeUpskilling(try EmployeeUpskillingDetails(from: decoder))
        case .sharedEmployee: self = .sharedEmployee(try SharedEmployeeDetails(from: decoder))
        case .pilotProduction: self = .pilotProduction(try PilotProductionDetails(from: decoder))
        }
    }

    /// Writes the details as a plain object (the category is stored beside them).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .studentTraining(let details): try details.encode(to: encoder)
        case .employeeUpskilling(let details): try details.encode(to: encoder)
        case .sharedEmployee(let details): try details.encode(to: encoder)
        case .pilotProduction(let details): try details.encode(to: encoder)
        }
    }
}
