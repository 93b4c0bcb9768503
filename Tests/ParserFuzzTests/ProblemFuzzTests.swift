import Allocator
import Foundation
import Testing

@Suite("Fuzzing the problem file reader")
struct ProblemFuzzTests {
    @Test("a mutated problem file is decoded or refused; a valid one is solved without trapping")
    func problems() throws {
        let smallest = Array(
            #"{"horizon": {"days": 5, "slotsPerDay": 8}, "resources": [{"name": "room", "seats": 40}], "sessions": [{"name": "a", "duration": 2, "category": "pilot_production"}], "pinned": {"0": {"start": 8, "resource": 0}}}"#
                .utf8)
        let tokens = [
            "null", "[]", "{}", "\"\"", "true", ",", "\"pilot_production\"", "\"parent\": 0,", "\"series\": 7,",
            "\"cohorts\": [3],", "\"duration\": 0,", "\"daysPerWeek\": 0,",
        ]
        var configuration = SolverConfiguration()
        configuration.termination = Termination(stepLimit: 50)
        let solver = Solver(configuration: configuration)
        try Fuzz.run("problem", seeds: [try Fuzz.fixture("problem.json"), smallest], tokens: tokens) { bytes in
            guard let problem = try? JSONDecoder().decode(Problem.self, from: Data(bytes)),
                (try? problem.validate()) != nil
            else { return }
            #expect(throws: Never.self) { try solver.solve(problem) }
        }
    }
}
