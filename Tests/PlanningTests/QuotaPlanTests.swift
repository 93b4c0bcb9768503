import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("Planner runs keep organizations' quotas")
struct QuotaPlanTests {
    /// Sets a quota of the enterprise's employee upskilling at the planning center.
    static func quota(
        _ hours: Int, per period: QuotaPeriod, on resource: Resource?, _ center: PlanningCenter
    )
        async throws
    {
        _ = try await QuotaService(database: center.db).set(
            NewQuota(
                organizationId: center.enterprise.id, category: .employeeUpskilling, resourceId: resource?.id,
                period: period, hours: hours),
            in: center.center.id, as: .system)
    }

    /// The upskilling request's proposed sessions: their starts.
    static func upskilling(_ plan: Plan, _ center: PlanningCenter) throws -> [Date] {
        try #require(plan.result).assignments.filter { $0.requestId == center.upskilling.id }.map(\.start).sorted()
    }

    @Test("2 h a week on the pool spreads the enterprise's two 2-hour sessions over the horizon's two weeks")
    func weekly() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            try await Self.quota(2, per: .week, on: center.pool, center)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "q"))
            #expect(plan.result?.score.feasible == true)
            let starts = try Self.upskilling(plan, center)
            #expect(starts.count == 2)
            let week = { (start: Date) in Calendar(identifier: .iso8601).component(.weekOfYear, from: start) }
            #expect(Set(starts.map(week)).count == 2)
        }
    }

    @Test("2 h a month leaves the second session out, and the explanation names the quota")
    func monthly() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            try await Self.quota(2, per: .month, on: nil, center)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "q"))
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            #expect(try Self.upskilling(plan, center).count == 1)
            let unplaced = result.unplaced.filter { $0.requestId == center.upskilling.id }
            #expect(unplaced.count == 1)
            #expect(unplaced.first?.reasons.contains { $0.en.contains("quota 2 h/month, employee_upskilling") } == true)
        }
    }

    @Test("hours booked directly after the run make its publication stale, and nothing is written")
    func bookedMeanwhile() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            try await Self.quota(4, per: .month, on: nil, center)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "q"))
            #expect(try Self.upskilling(plan, center).count == 2)
            let machine: UUID = try await db.query(
                "SELECT id FROM resources WHERE center_id = \(center.center.id) AND name = '五轴加工中心'"
            ).first!.decode("id")
            let day = ISO8601DateFormatter()
            _ = try await BookingService(database: db).book(
                NewBooking(
                    organizationId: center.enterprise.id, category: .employeeUpskilling, title: "直接预约",
                    start: day.date(from: "2026-03-20T02:00:00Z")!, end: day.date(from: "2026-03-20T04:00:00Z")!,
                    resources: [.init(resourceId: machine)]),
                in: center.center.id, as: .system)
            await #expect {
                _ = try await center.service.publish(plan.id, as: .system)
            } throws: { error in
                guard case ServiceError.planStale(let stale) = error else { return false }
                return stale.contains { $0.reason.contains("quota") }
            }
            #expect(try await center.bookings(of: plan.id) == 0)
        }
    }
}
