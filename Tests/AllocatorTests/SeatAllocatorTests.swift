import Testing

@testable import Allocator

@Suite("shared-employee seat allocation")
struct SeatAllocatorTests {
    @Test("requests that fit are granted in full")
    func fits() {
        #expect(SeatAllocator.maxMinFair(capacity: 20, demands: [5, 8, 3]) == [5, 8, 3])
    }

    @Test("oversubscribed seats are split max-min fairly; odd seats go in order of asking")
    func oversubscribed() {
        #expect(SeatAllocator.maxMinFair(capacity: 20, demands: [4, 12, 10]) == [4, 8, 8])
        #expect(SeatAllocator.maxMinFair(capacity: 10, demands: [6, 6, 6]) == [4, 3, 3])
    }

    private func course(seats: Int, minimum: Int, requests: [Int]) -> Problem {
        let sessions = (0..<2).map { Session(name: "s\($0)", duration: 2, category: .sharedEmployee, series: 0) }
        var problem = smallProblem(
            days: 2,
            resources: [Resource(name: "room", seats: 30)],
            sessions: sessions,
            series: [Series(name: "course", kind: .weekly, sessions: [0, 1])]
        )
        problem.organizations = ["a", "b", "c"]
        problem.sharedCourses = [
            SharedCourse(
                series: 0,
                seats: seats,
                minimumEnrolment: minimum,
                requests: requests.enumerated().map {
                    SharedCourse.SeatRequest(organization: $0.offset, seats: $0.element)
                }
            )
        ]
        return problem
    }

    @Test("a course with enough takers runs; the room's seats limit the offer and the rest wait in order")
    func runs() throws {
        let result = try Solver().solve(course(seats: 40, minimum: 10, requests: [20, 5, 20]))
        let allocation = try #require(result.seatAllocations.first)
        #expect(allocation.runs)
        #expect(allocation.seatsOffered == 30)
        #expect(allocation.grants.map(\.granted) == [13, 5, 12])
        #expect(allocation.waitList == [0, 2])
        #expect(result.solution.unplacedSessions.isEmpty)
    }

    @Test("a course under its minimum enrolment does not run and its sessions are unplaced with that reason")
    func underMinimum() throws {
        let problem = course(seats: 40, minimum: 12, requests: [4, 5])
        let result = try Solver().solve(problem)
        #expect(result.seatAllocations.first?.runs == false)
        #expect(result.solution.unplacedSessions == [0, 1])
        let explanation = try Explanation(
            problem: problem,
            solution: result.solution,
            seatAllocations: result.seatAllocations
        )
        #expect(
            explanation.unplaced.first?.reasons.map(\.english)
                == [
                    "the shared-employee course does not run: "
                        + "only 9 seats were taken, under its minimum enrolment of 12"
                ]
        )
    }
}
