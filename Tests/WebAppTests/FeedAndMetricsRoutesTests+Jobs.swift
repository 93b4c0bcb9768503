import Database
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Service
import TestSupport
import Testing
import WebApp

@testable import Outbound

extension FeedAndMetricsRoutesTests {
    @Test("metrics: a delivery attempt and a scheduled run move their counters and job durations")
    func jobMetrics() async throws {
        var security = SecurityConfiguration()
        security.metricsToken = Self.metricsToken
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(
                    database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory)),
                security: security)
            try await Application(router: router).test(.router) { client in
                let before = try await scrape(client)
                // a webhook job of this test's own, held by its worker, naming a delivery that is gone
                let worker = "metrics-\(UUID().uuidString.prefix(8))"
                let payload = #"{"delivery": "\#(UUID().uuidString.lowercased())"}"#
                let id: UUID = try await db.query(
                    """
                    INSERT INTO jobs (kind, payload, status, attempts, max_attempts, lease_until, worker)
                    VALUES ('webhook', \(payload)::jsonb, 'running', 1, 1, now() + interval '1 hour', \(worker))
                    RETURNING id
                    """
                ).first!.decode("id")
                let job = Job(
                    id: id, kind: .webhook, payload: payload, status: .running, runAt: Date(), attempts: 1,
                    maxAttempts: 1, leaseUntil: Date().addingTimeInterval(3600), worker: worker, lastError: nil)
                try await DeliveryWorker(
                    database: db, configuration: DeliveryWorkerConfiguration(workerId: worker, mail: nil),
                    logger: Logger(label: "test")
                ).work(job, now: Date())
                // a purge run due in 2000: no other test's scheduled job is due then
                let scheduled = ScheduledJobs(
                    database: db,
                    configuration: ScheduledJobs.Configuration(
                        workerId: worker, schedules: [Schedule(kind: .purge, period: .seconds(86_400))]),
                    logger: Logger(label: "test"))
                let now = Date(timeIntervalSince1970: 946_728_000)  // 2000-01-01 12:00 UTC
                try await scheduled.tick(now: now)
                #expect(try await scheduled.runOnce(now: now)?.kind == .purge)

                let after = try await scrape(client)
                let failed = #"praxis_notice_deliveries_total{channel="webhook",outcome="failed"}"#
                #expect(Self.sample(failed, in: after) >= Self.sample(failed, in: before) + 1)
                let purged = #"praxis_jobs_finished_total{kind="purge",outcome="done"}"#
                #expect(Self.sample(purged, in: after) >= Self.sample(purged, in: before) + 1)
                for kind in ["webhook", "purge"] {
                    let count = #"praxis_job_duration_seconds_count{kind="\#(kind)"}"#
                    #expect(Self.sample(count, in: after) >= Self.sample(count, in: before) + 1)
                }
                let status: String = try await db.query("SELECT status::text AS s FROM jobs WHERE id = \(id)").first!
                    .decode("s")
                #expect(status == "dead", "its one attempt failed")
            }
        }
    }
}
