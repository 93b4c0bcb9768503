/// Soft-constraint weights for one run, each overriding the center policy's when given (0 switches
/// a constraint off, at most 1000). In JSON, an object with a number for some ``SoftConstraint``s.
public struct PlanWeights: Sendable, Codable, Equatable {
    /// The weights given, by constraint.
    public var overrides: [SoftConstraint: Int]

    public init(_ overrides: [SoftConstraint: Int] = [:]) {
        self.overrides = overrides
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SoftConstraint.self)
        overrides = [:]
        for constraint in SoftConstraint.allCases {
            overrides[constraint] = try container.decodeIfPresent(Int.self, forKey: constraint)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SoftConstraint.self)
        for constraint in SoftConstraint.allCases {
            try container.encodeIfPresent(overrides[constraint], forKey: constraint)
        }
    }

    /// Checks that every weight given lies in 0…1000.
    func validate() throws(DomainError) {
        for constraint in SoftConstraint.allCases {
            if let value = overrides[constraint] {
                _ = try Validate.range(value, 0...1000, field: "weights/\(constraint.rawValue)")
            }
        }
    }

    /// `base` with the weights given here put in.
    public func applied(to base: PolicyWeights) -> PolicyWeights {
        var weights = base
        for (constraint, value) in overrides { weights[constraint] = value }
        return weights
    }
}
