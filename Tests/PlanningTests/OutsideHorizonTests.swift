import Access
import Database
import Domain
import Foundation
import TestSupport
import Testing

@testable import Planning

@Suite("Sessions outside a run's horizon")
struct OutsideHorizonTests {
    static let firstWeek = PlanHorizon(from: "2026-03-02", to: "2026-03-08")
    static let secondWeek = PlanHorizon(from: "2026-03-09", to: "2026-03-15")

    @Test("a week outside the horizon is listed apart with its week and dates, not unplaced, and the counts add up")
    func listedApart() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.settle(
                try await center.queue(horizon: Self.firstWeek), with: PlanRunTests.worker(db, "a"))
            let result = try #require(plan.result)
            let outside = try #require(result.outsideHorizon)
            #expect(outside.map(\.requestId) == [center.training.id])
            #expect(outside.map(\.week) == [2])
            #expect(outside.map { "\($0.first)–\($0.last)" } == ["2026-03-09–2026-03-15"])
            #expect(result.unplaced.map(\.requestId) == [center.pilotRun.id, center.pilotRun.id])
            #expect(result.placed + result.unplaced.count + outside.count == result.sessions)
            #expect(result.sessionsWithinHorizon == result.sessions - 1)
            #expect(plan.progress?.unplacedSessions == 2)
            // the week outside counts neither as unplaced nor against the school in fairness
            #expect(result.score.medium == -2)
            #expect(
                result.constraints.first { $0.constraint == "organizationFairness" }?.penalty == 4,
                "only the enterprise's two pilot-run days: \(result.constraints)")
        }
    }

    @Test("publishing a later week keeps the bookings an earlier run published for weeks outside its horizon")
    func publishedWeeksStay() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let worker = PlanRunTests.worker(db, "a")
            let first = try await center.settle(try await center.queue(horizon: Self.firstWeek), with: worker)
            _ = try await center.service.publish(first.id, as: .system)
            let firstBookings = try await center.bookings(of: first.id)

            let second = try await center.settle(try await center.queue(horizon: Self.secondWeek), with: worker)
            let result = try #require(second.result)
            let outside = try #require(result.outsideHorizon)
            #expect(outside.map(\.week) == [1])
            #expect(result.diff.removed.isEmpty, "a published session outside the horizon is not removed")

            _ = try await center.service.publish(second.id, as: .system)
            #expect(try await center.bookings(of: first.id) == firstBookings, "week 1's bookings stay confirmed")
            #expect(try await center.state(of: center.training) == .partlyPlanned)
        }
    }

    @Test("what publishing changes for whom: each organization's added sessions, instructors and classes")
    func changesForWhom() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "a"))
            let result = try #require(plan.result)
            let changes = PlanChanges(result) { _ in nil }
            #expect(
                changes.shares.map(\.organizationId)
                    == [center.enterprise.id, center.school.id].sorted {
                        $0.uuidString > $1.uuidString
                    })
            let school = try #require(changes.shares.first { $0.organizationId == center.school.id })
            #expect((school.added, school.moved, school.removed) == (2, 0, 0))
            let training = result.assignments.filter { $0.requestId == center.training.id }
            #expect(school.cohortIds == Set(training.flatMap(\.cohortIds)) && school.cohortIds.count == 1)
            #expect(school.instructorIds == Set(training.compactMap(\.instructorId)) && school.instructorIds.count == 1)
            #expect(changes.total == (4, 0, 0, 0))
        }
    }
}
