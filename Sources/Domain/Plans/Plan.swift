public import Dates
public import Foundation

/// A planner run: what was asked (horizon, requests, time limit, weights), how far it got, and
/// its proposal once it succeeded.
public struct Plan: Sendable, Codable, Equatable {
    public var id: UUID
    public var centerId: UUID
    public var status: PlanStatus
    public var horizon: PlanHorizon
    /// The requests asked for; `nil`: every submitted or planned request of the horizon.
    public var requestIds: [UUID]?
    public var timeLimitSeconds: Double
    public var seed: Int
    /// Weights that override the center's policy for this run.
    public var weights: PlanWeights?
    /// Claims so far (1 once a worker took it).
    public var attempts: Int
    /// The best so far while running; the final figures afterwards.
    public var progress: PlanProgress?
    /// The proposal, once the run succeeded.
    public var result: PlanResult?
    /// Why the run failed.
    public var failure: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var publishedAt: Date?
    /// When a manager asked to cancel the run while it was running; its worker stops at its next heartbeat.
    public var cancelRequestedAt: Date?
    public var version: Int

    public init(
        id: UUID, centerId: UUID, status: PlanStatus, horizon: PlanHorizon, requestIds: [UUID]?,
        timeLimitSeconds: Double, seed: Int, weights: PlanWeights?, attempts: Int, progress: PlanProgress?,
        result: PlanResult?, failure: String?, createdAt: Date, startedAt: Date?, finishedAt: Date?,
        publishedAt: Date?, cancelRequestedAt: Date?, version: Int
    ) {
        self.id = id
        self.centerId = centerId
        self.status = status
        self.horizon = horizon
        self.requestIds = requestIds
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.weights = weights
        self.attempts = attempts
        self.progress = progress
        self.result = result
        self.failure = failure
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.publishedAt = publishedAt
        self.cancelRequestedAt = cancelRequestedAt
        self.version = version
    }
}

/// The dates a run plans, first and last included, in the center's time zone.
public struct PlanHorizon: Sendable, Codable, Equatable {
    /// The first day (`"YYYY-MM-DD"` in JSON).
    public var from: CalendarDate
    /// The last day, not before `from`.
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }
}

/// A score as the API shows it: hard (broken rules), medium (unplaced sessions), soft (preferences).
public struct PlanScore: Sendable, Codable, Equatable {
    public var hard: Int64
    public var medium: Int64
    public var soft: Int64
    /// No hard constraint broken.
    public var feasible: Bool

    public init(hard: Int64, medium: Int64, soft: Int64) {
        self.hard = hard
        self.medium = medium
        self.soft = soft
        feasible = hard >= 0
    }
}

/// How a running plan is doing, written by its worker at every heartbeat.
public struct PlanProgress: Sendable, Codable, Equatable {
    public var bestScore: PlanScore
    /// Sessions the best solution leaves out (every session has priority 1, so this is −medium).
    public var unplacedSessions: Int
    public var steps: Int
    public var elapsedSeconds: Double

    public init(bestScore: PlanScore, unplacedSessions: Int, steps: Int, elapsedSeconds: Double) {
        self.bestScore = bestScore
        self.unplacedSessions = unplacedSessions
        self.steps = steps
        self.elapsedSeconds = elapsedSeconds
    }
}
