import Access
import Database
import Domain
import Foundation
import Logging
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("The planner and instructors' leave")
struct LeavePlanningTests {
    @Test("a week of the only instructor's leave keeps every session off it and explains the one that misses it")
    func leaveIsUnavailable() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let people = OrganizationService(database: db)
            let teacher = try #require(
                try await people.instructors(of: center.center.id, page: Page(limit: 10), as: .system).first)
            _ = try await people.changeInstructor(
                teacher.id, InstructorChange(leave: [Leave(first: "2026-03-02", last: "2026-03-08", note: "年假")]),
                version: teacher.version, as: .system)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "leave"))
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            // Monday 2026-03-09 00:00 in Shanghai: the first day back
            let back = Date(timeIntervalSince1970: 1_772_985_600)
            let taught = result.assignments.filter { $0.instructorId != nil }
            #expect(!taught.isEmpty)
            #expect(taught.allSatisfy { $0.start >= back })
            #expect(result.unplaced.contains { $0.requestId == center.training.id })
        }
    }
}
