import Access
import Database
import Dates
import Domain
import Foundation
import Repositories
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("The demo's classes in a planner run")
struct DemoClassesPlanTests {
    @Test("every demo class placed lies inside its free times; the 中职 class's exam week is explained")
    func demoHonoursFreeTimes() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let centerId = try await DemoCenter(database: db).load().centerId
            let service = PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 10))
            let queued = try await service.create(
                NewPlan(horizon: PlanHorizon(from: "2026-03-02", to: "2026-04-26"), timeLimitSeconds: 2, seed: 7),
                in: centerId, as: .system)
            let worker = PlanRunTests.worker(db, "demo")
            var plan = queued
            while !plan.status.isSettled {
                if try await worker.runOnce() == nil { await Task.yield() }
                plan = try await service.plan(queued.id, as: .system)
            }
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            let ids = Array(Set(result.assignments.flatMap(\.cohortIds)))
            let cohorts = try await db.withConnection { try ScheduleRepository().cohorts(ids: ids, on: $0) }
            #expect(cohorts.values.filter(\.availability.isRestricted).count >= 6)
            for assignment in result.assignments {
                let (start, end) = (
                    ClassFreeTimePlanTests.local(assignment.start), ClassFreeTimePlanTests.local(assignment.end)
                )
                for id in assignment.cohortIds {
                    let cohort = try #require(cohorts[id])
                    #expect(
                        cohort.availability.allows(
                            start.minutes..<end.minutes, on: start.date, weekday: start.date.isoWeekday),
                        "\(cohort.name) placed \(start.date) at minute \(start.minutes), outside its free times")
                }
            }
            // inside the horizon, the class's unplaced sessions are its exam week's: one of each of its two
            // requests (数控车削基础 in even weeks, PLC 编程基础 in bell periods)
            let exam = result.unplaced.filter { $0.name.hasPrefix("数控2301班") }.flatMap(\.reasons)
            #expect(
                exam.map(\.en)
                    == Array(repeating: "class 数控2301班 is not free in the week of 2026-04-20 (期中考试周)", count: 2))
            #expect(exam.map(\.zh) == Array(repeating: "班级数控2301班在2026-04-20当周没有空闲时间（期中考试周）", count: 2))
        }
    }
}
