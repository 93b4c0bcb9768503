import Dates
public import Foundation

/// A planner run as a manager asks for it: `{"horizon": {"from", "to"}, "requestIds"?,
/// "timeLimitSeconds"?, "seed"?, "weights"?}`.
public struct NewPlan: Sendable, Codable {
    public var horizon: PlanHorizon
    /// Requests to place; `nil`: every submitted or planned request whose dates meet the horizon.
    public var requestIds: [UUID]?
    /// How long the solver may search, 0.1 to 600 seconds; 10 by default.
    public var timeLimitSeconds: Double?
    /// The solver's random seed; 0 by default.
    public var seed: Int?
    public var weights: PlanWeights?

    public init(
        horizon: PlanHorizon, requestIds: [UUID]? = nil, timeLimitSeconds: Double? = nil, seed: Int? = nil,
        weights: PlanWeights? = nil
    ) {
        self.horizon = horizon
        self.requestIds = requestIds
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.weights = weights
    }

    /// The longest horizon one run may cover, in days.
    public static let maximumDays = 190

    /// Checks what needs no database: dates in order, at most ``maximumDays`` days, a time limit of
    /// 0.1–600 s, a seed ≥ 0, weights of 0–1000, no request listed twice.
    /// - Returns: the time limit in milliseconds.
    public func validated() throws(DomainError) -> Int {
        try Validate.window(horizon.from, horizon.to, fields: ("horizon/from", "horizon/to"))
        guard horizon.to.daysSinceEpoch - horizon.from.daysSinceEpoch < Self.maximumDays else {
            throw DomainError(
                field: "horizon/to", rule: "maxLength",
                message: "A run covers at most \(Self.maximumDays) days; split a longer horizon into terms.")
        }
        let seconds = timeLimitSeconds ?? 10
        guard seconds.isFinite, (0.1...600).contains(seconds) else {
            throw DomainError(
                field: "timeLimitSeconds", rule: "range",
                message: "The timeLimitSeconds (\(seconds)) must be between 0.1 and 600.")
        }
        if let seed { _ = try Validate.range(seed, 0...Int(Int32.max), field: "seed") }
        try weights?.validate()
        if let requestIds {
            var seen: Set<UUID> = []
            for (index, id) in requestIds.enumerated() where !seen.insert(id).inserted {
                throw DomainError(
                    field: "requestIds/\(index)", rule: "unique", message: "The request \(id) is listed twice.")
            }
        }
        return Int((seconds * 1000).rounded())
    }
}
