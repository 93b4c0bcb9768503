import Foundation
import Testing

@testable import Allocator

@Suite("problem format")
struct ProblemFormatTests {
    @Test("a problem file may leave out every optional field")
    func defaults() throws {
        let json = """
            {"horizon": {"days": 5, "slotsPerDay": 8},
             "resources": [{"name": "room", "seats": 40}],
             "sessions": [{"name": "a", "duration": 2, "category": "pilot_production"}],
             "weights": {"roomSize": 3},
             "pinned": {"0": {"start": 8, "resource": 0}}}
            """
        let problem = try JSONDecoder().decode(Problem.self, from: Data(json.utf8))
        #expect(problem.horizon.daysPerWeek == 7)
        #expect(problem.resources[0].capacity == 1)
        #expect(problem.sessions[0].category == .pilotProduction)
        #expect(problem.sessions[0].resourceNeed.units == 1)
        #expect(problem.weights.roomSize == 3 && problem.weights.leastChange == 1)
        #expect(problem.pinned[0] == Assignment(start: 8, resource: 0))
    }

    @Test("a problem survives encoding and decoding")
    func roundTrip() throws {
        let problem = RandomProblem.make(seed: 9)
        let data = try JSONEncoder().encode(problem)
        #expect(try JSONDecoder().decode(Problem.self, from: data) == problem)
    }

    @Test("an invalid reference is reported with the field and a hint")
    func invalid() {
        let problem = smallProblem(sessions: [Session(name: "a", duration: 1, cohorts: [3])])
        #expect(
            throws: AllocatorError.invalidProblem(
                "sessions[0].cohorts refers to a cohort that does not exist. Check the problem file."
            )
        ) {
            try problem.validate()
        }
    }

    @Test("sizes beyond what a center can mean are refused before the solver sums them")
    func magnitudes() {
        let huge = smallProblem(days: Int.max, sessions: [Session(name: "a", duration: 1)])
        #expect(throws: AllocatorError.self) { try huge.validate() }
        let crowd = smallProblem(
            resources: [Resource(name: "hall", capacity: Int.max, seats: 40)],
            sessions: [Session(name: "a", duration: 1)])
        #expect(
            throws: AllocatorError.invalidProblem(
                "resources[0].capacity (\(Int.max)) is outside 0...1000000. Check the problem file.")
        ) { try crowd.validate() }
        var orphan = smallProblem(sessions: [Session(name: "a", duration: 1)])
        orphan.sharedCourses = [SharedCourse(series: 3, seats: 10, minimumEnrolment: 1, requests: [])]
        #expect(
            throws: AllocatorError.invalidProblem("sharedCourses[0].series does not exist. Check the problem file.")
        ) { try orphan.validate() }
    }
}
