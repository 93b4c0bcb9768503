import Testing

@testable import Allocator

@Suite("CB-CTT mapped onto the allocator's model")
struct CBCTTProblemTests {
    @Test("the toy instance becomes one session per lecture, a spread series per course, curricula as cohorts")
    func toyShape() throws {
        let instance = try CBCTTBenchmarkFolder.instance("toy")
        let problem = instance.problem()
        #expect(problem.sessions.count == instance.courses.reduce(0) { $0 + $1.lectures })
        #expect(problem.series.count == instance.courses.count)
        #expect(problem.series.allSatisfy { $0.kind == .spread })
        #expect(problem.cohorts.count == instance.curricula.count)
        #expect(problem.instructors.count == Set(instance.courses.map(\.teacher)).count)
        let tecCos = try #require(instance.courses.firstIndex { $0.name == "TecCos" })
        let lecture = try #require(instance.lectureCourses.firstIndex(of: tecCos))
        #expect(problem.sessions[lecture].cohorts == [0, 1])
        #expect(problem.sessions[lecture].allowedStarts?.count == instance.days * instance.periodsPerDay - 4)
        try problem.validate()
    }

    @Test(
        "the soft score of a solved instance equals the official UD2 cost of the timetable written",
        arguments: ["toy", "comp01", "comp11"]
    )
    func softScoreIsOfficialCost(name: String) throws {
        let instance = try CBCTTBenchmarkFolder.instance(name)
        let configuration = SolverConfiguration(seed: 7, termination: Termination(stepLimit: 30_000))
        let result = try Solver(configuration: configuration).solve(instance.problem())
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(instance.timetable(from: result.solution))
        #expect(result.score.hard == 0 && result.score.medium == 0)
        #expect(evaluation.hard == 0)
        #expect(Int(-result.score.soft) == evaluation.soft)
    }

    @Test("a published solution's soft score equals its official cost when read into the model")
    func publishedSolution() throws {
        let instance = try CBCTTBenchmarkFolder.instance("comp01")
        let timetable = try CBCTTTimetable(
            parsing: CBCTTBenchmarkFolder.text(of: "solutions/comp01.docheinstein.sol"),
            instance: instance
        )
        var next = Array(repeating: 0, count: instance.courses.count)
        var firstLecture: [Int] = []
        var running = 0
        for course in instance.courses {
            firstLecture.append(running)
            running += course.lectures
        }
        var assignments = [Assignment?](repeating: nil, count: running)
        let teachers = instance.problem().sessions.map { $0.eligibleInstructors?.first }
        for entry in timetable.entries {
            let session = firstLecture[entry.course] + next[entry.course]
            next[entry.course] += 1
            assignments[session] = Assignment(
                start: entry.day * instance.periodsPerDay + entry.period,
                resource: entry.room,
                instructor: teachers[session]
            )
        }
        let breakdown = try checkedBreakdown(instance.problem(), assignments)
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(timetable)
        #expect(breakdown.score.hard == 0)
        #expect(Int(-breakdown.score.soft) == evaluation.soft)
    }
}
