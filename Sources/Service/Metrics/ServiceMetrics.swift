import Access
import Database
import Domain
import Metrics

/// The counters and gauges the use cases and background jobs report through swift-metrics; the
/// web process exports them at `GET /metrics` (a process that bootstrapped no backend drops them).
public enum ServiceMetrics {
    /// `praxis_bookings_made_total{category}`: a direct booking was made.
    static func bookingMade(_ booking: Booking) {
        Counter(label: "praxis_bookings_made_total", dimensions: [("category", booking.category.rawValue)])
            .increment()
    }

    /// `praxis_bookings_refused_total{reason}`: a direct booking was refused; the reason is the
    /// refusal's kind (`clash`, `forbidden`, …) or, for bad input, the rule it broke.
    static func bookingRefused(_ error: ServiceError) {
        Counter(label: "praxis_bookings_refused_total", dimensions: [("reason", reason(of: error))]).increment()
    }

    /// `praxis_jobs_queued{kind}`: jobs waiting to be claimed.
    public static func queued(_ count: Int, kind: String) {
        Gauge(label: "praxis_jobs_queued", dimensions: [("kind", kind)]).record(count)
    }

    /// `praxis_job_duration_seconds{kind}` and `praxis_jobs_finished_total{kind, outcome}`: a
    /// scheduled job's run ended (`done`, or `failed` to be retried).
    static func jobEnded(_ kind: String, failed: Bool, after duration: Duration) {
        Timer(label: "praxis_job_duration_seconds", dimensions: [("kind", kind)]).record(duration: duration)
        Counter(
            label: "praxis_jobs_finished_total", dimensions: [("kind", kind), ("outcome", failed ? "failed" : "done")]
        )
        .increment()
    }

    /// `praxis_db_connections{state}`: the pool's connections in use and idle, and callers waiting.
    static func pool(_ usage: PoolUsage) {
        for (state, value) in [("in_use", usage.inUse), ("idle", usage.idle), ("waiting", usage.waiting)] {
            Gauge(label: "praxis_db_connections", dimensions: [("state", state)]).record(value)
        }
    }

    /// A refusal as a label value: few and stable.
    static func reason(of error: ServiceError) -> String {
        switch error {
        case .unauthenticated: "unauthenticated"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .invalid(let error): "invalid_\(error.rule)"
        case .conflict: "conflict"
        case .staleVersion: "stale_version"
        case .throttled: "throttled"
        case .clash: "clash"
        case .concurrentUpdate: "concurrent_update"
        case .unavailable: "unavailable"
        case .planStale: "plan_stale"
        case .quotaExceeded: "quota_exceeded"
        }
    }
}
