import Domain
import Metrics

/// What planner runs report through swift-metrics (exported at `GET /metrics` by a web process).
enum PlanMetrics {
    /// `praxis_plan_runs_total{outcome}` and `praxis_job_duration_seconds{kind="plan"}`; for a
    /// proposal, `praxis_plan_score{level}` (the last run's best score) and
    /// `praxis_plan_unplaced_sessions`.
    static func ended(_ outcome: String, after duration: Duration, score: PlanScore? = nil, unplaced: Int? = nil) {
        Counter(label: "praxis_plan_runs_total", dimensions: [("outcome", outcome)]).increment()
        Timer(label: "praxis_job_duration_seconds", dimensions: [("kind", "plan")]).record(duration: duration)
        if let score {
            for (level, value) in [("hard", score.hard), ("medium", score.medium), ("soft", score.soft)] {
                Gauge(label: "praxis_plan_score", dimensions: [("level", level)]).record(value)
            }
        }
        if let unplaced { Gauge(label: "praxis_plan_unplaced_sessions").record(unplaced) }
    }
}
