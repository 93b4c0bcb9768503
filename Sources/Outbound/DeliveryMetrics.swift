import Domain
import Foundation
import Metrics

/// The delivery worker's figures through swift-metrics (exported at `GET /metrics`).
enum DeliveryMetrics {
    /// `praxis_notice_deliveries_total{channel, outcome}` (`delivered`, `failed`: an attempt that
    /// will be retried or was the last) and `praxis_job_duration_seconds{kind}` of one attempt.
    static func attempted(_ job: Job, outcome: DeliveryWorker.Outcome, duration: Duration) {
        let name =
            switch outcome {
            case .delivered, .alreadyDelivered: "delivered"
            case .failed: "failed"
            }
        Counter(
            label: "praxis_notice_deliveries_total", dimensions: [("channel", job.kind.rawValue), ("outcome", name)]
        )
        .increment()
        Timer(label: "praxis_job_duration_seconds", dimensions: [("kind", job.kind.rawValue)]).record(
            duration: duration)
    }
}
