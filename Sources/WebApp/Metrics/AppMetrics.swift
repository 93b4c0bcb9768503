import Metrics
import Prometheus

/// The process's metrics: one Prometheus registry behind swift-metrics, bootstrapped once per
/// process on first use (swift-metrics allows one backend per process).
enum AppMetrics {
    /// Where every metric of this process is kept; `GET /metrics` writes it out.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Bootstraps the backend (at the router's build, before any request).
    static func bootstrap() {
        _ = registry
    }
}
