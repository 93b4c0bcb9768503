import Allocator
import Dates
import Domain
import Foundation
import Testing

@testable import Planning

@Suite("A shared-employee course in the planner's mapping")
struct CourseOfferingMappingTests {
    @Test(
        "a course no SME has bought yet is placed first, after its decision date, sized for its minimum, and not dropped"
    )
    func datedBeforeSold() throws {
        var snapshot = ProblemBuilderTests.snapshot()
        let course = Request(
            id: UUID(), centerId: ProblemBuilderTests.centerId, organizationId: ProblemBuilderTests.school,
            title: "机器人运维（共享员工）",
            details: .sharedEmployee(
                .init(
                    capacity: 10, minEnrolment: 6, decisionDate: CalendarDate(iso: "2026-03-10"), sessions: 2,
                    sessionMinutes: 120, skill: "robot")),
            state: .submitted, reason: nil, version: 1)
        snapshot.requests = [course]
        let planning = ProblemBuilder.build(snapshot, weights: nil)
        let problem = planning.problem
        #expect(problem.sessions.count == 2)
        #expect(problem.sessions.allSatisfy { $0.priority == ProblemBuilder.offeringPriority && $0.participants == 6 })
        let firstAllowed = try #require(problem.sessions.first?.allowedStarts?.min())
        #expect(snapshot.grid.date(ofDay: firstAllowed / snapshot.grid.slotsPerDay) > CalendarDate(iso: "2026-03-10")!)
        #expect(problem.sharedCourses.map(\.minimumEnrolment) == [0], "the go/no-go belongs to the decision date")
        let solved = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 2_000)))
            .solve(problem)
        #expect(solved.solution.assignments.allSatisfy { $0 != nil }, "placed although no seat is sold yet")
        #expect(solved.seatAllocations.first?.runs == true)
    }
}
