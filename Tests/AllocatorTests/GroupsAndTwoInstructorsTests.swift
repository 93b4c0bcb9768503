import Testing

@testable import Allocator

@Suite("groups meeting together and two instructors (双师)")
struct GroupsAndTwoInstructorsTests {
    private static let teacherAndMentor = [
        Instructor(name: "teacher", skills: ["cnc"]), Instructor(name: "mentor", skills: ["cnc", "industry"]),
    ]

    private static func paired(_ name: String, duration: Int = 2) -> Session {
        Session(
            name: name, duration: duration, needsInstructor: true, requiredSkills: ["cnc"],
            secondInstructor: SecondInstructorNeed(requiredSkills: ["industry"]))
    }

    @Test("a mentor in two sessions at once is an instructor conflict per slot, as a first instructor is")
    func mentorDoubleBooked() throws {
        let problem = smallProblem(
            resources: [Resource(name: "a"), Resource(name: "b")], instructors: Self.teacherAndMentor,
            sessions: [Self.paired("pair"), Session(name: "solo", duration: 2, needsInstructor: true)])
        let clash = [
            Assignment(start: 0, resource: 0, instructor: 0, secondInstructor: 1),
            Assignment(start: 1, resource: 1, instructor: 1),
        ]
        #expect(try penalty(.instructorConflict, problem, clash) == 1)
        let apart = [clash[0], Assignment(start: 2, resource: 1, instructor: 1)]
        #expect(try penalty(.instructorConflict, problem, apart) == 0)
    }

    @Test("a second instructor's absence and weekly cap count like the first's")
    func mentorAvailabilityAndCap() throws {
        let instructors = [
            Instructor(name: "teacher", skills: ["cnc"]),
            Instructor(name: "mentor", skills: ["industry"], weeklySlotCap: 3, unavailableSlots: [0]),
        ]
        let problem = smallProblem(
            resources: [Resource(name: "a"), Resource(name: "b")], instructors: instructors,
            sessions: [Self.paired("one"), Self.paired("two")])
        let assignments = [
            Assignment(start: 0, resource: 0, instructor: 0, secondInstructor: 1),
            Assignment(start: 4, resource: 1, instructor: 0, secondInstructor: 1),
        ]
        #expect(try penalty(.instructorUnavailable, problem, assignments) == 1)
        #expect(try penalty(.instructorWeeklyCap, problem, assignments) == 1)
    }

    @Test("groups meeting together at different starts cost one per pair of members apart")
    func simultaneousPenalty() throws {
        let sessions = (1...3).map { Session(name: "group \($0)", duration: 1) }
        let problem = smallProblem(
            resources: [Resource(name: "a"), Resource(name: "b"), Resource(name: "c")], sessions: sessions,
            series: [Series(name: "together", kind: .simultaneous, sessions: [0, 1, 2])])
        let together = (0..<3).map { Assignment(start: 2, resource: $0) }
        #expect(try penalty(.simultaneousSeries, problem, together) == 0)
        var apart: [Assignment?] = together
        apart[2]?.start = 5
        #expect(try penalty(.simultaneousSeries, problem, apart) == 2)
        apart[1] = nil
        #expect(try penalty(.simultaneousSeries, problem, apart) == 1)
    }

    @Test("a class of 48 at 2 per station splits into two groups of 12 stations on two 15-station bays, together")
    func groupsOnTwoBays() throws {
        let bays = [
            Resource(name: "bay A", capacity: 15, capabilities: ["cnc"]),
            Resource(name: "bay B", capacity: 15, capabilities: ["cnc"]),
        ]
        // cohorts 0 and 1: the two halves of the class; a whole-class session takes both
        let group = { (number: Int) in
            Session(
                name: "group \(number + 1)", duration: 2, participants: 24, cohorts: [number],
                resourceNeed: ResourceNeed(capabilities: ["cnc"], units: 12), needsInstructor: true,
                requiredSkills: ["cnc"], secondInstructor: SecondInstructorNeed(requiredSkills: ["industry"]))
        }
        let lecture = Session(name: "whole class", duration: 2, allowedStarts: [0, 2], cohorts: [0, 1])
        let instructors =
            Self.teacherAndMentor + [
                Instructor(name: "teacher 2", skills: ["cnc"]), Instructor(name: "mentor 2", skills: ["industry"]),
            ]
        let problem = Problem(
            horizon: Horizon(days: 1, slotsPerDay: 4), resources: bays + [Resource(name: "room")],
            instructors: instructors, cohorts: [Cohort(name: "half 1"), Cohort(name: "half 2")],
            sessions: [group(0), group(1), lecture],
            series: [Series(name: "together", kind: .simultaneous, sessions: [0, 1])])
        let result = try Solver(
            configuration: SolverConfiguration(seed: 7, termination: Termination(stepLimit: 5_000))
        ).solve(problem)
        #expect(result.score.hard == 0)
        #expect(result.solution.unplacedSessions.isEmpty)
        let groups = try (0..<2).map { try #require(result.solution.assignments[$0]) }
        #expect(groups[0].start == groups[1].start)
        #expect(groups[0].resource != groups[1].resource)
        let lectureStart = try #require(result.solution.assignments[2]).start
        #expect(lectureStart != groups[0].start)
        let people = groups.flatMap { [$0.instructor, $0.secondInstructor] }.compactMap { $0 }
        #expect(Set(people).count == 4)
    }

    @Test("one person cannot be both instructors: the session stays unplaced and the reason says so")
    func samePersonTwice() throws {
        let problem = smallProblem(
            instructors: [Instructor(name: "only", skills: ["cnc", "industry"])], sessions: [Self.paired("pair")])
        let facts = try CompiledProblem(problem)
        #expect(!facts.canPlace(0, Assignment(start: 0, resource: 0, instructor: 0, secondInstructor: 0)))
        let result = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 200)))
            .solve(problem)
        #expect(result.solution.assignments[0] == nil)
        let reasons = try Explanation(problem: problem, solution: result.solution).unplaced.first?.reasons ?? []
        #expect(reasons.contains { $0.english.contains("second instructor") }, "\(reasons)")
    }

    @Test("a busy mentor is named as the reason a paired session is unplaced")
    func busyMentorExplained() throws {
        let instructors = [
            Instructor(name: "teacher", skills: ["cnc"]),
            Instructor(name: "mentor", skills: ["industry"], unavailableSlots: Array(0..<8)),
        ]
        let problem = smallProblem(instructors: instructors, sessions: [Self.paired("pair")])
        let result = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 500)))
            .solve(problem)
        #expect(result.solution.assignments[0] == nil)
        let reasons = try Explanation(problem: problem, solution: result.solution).unplaced.first?.reasons ?? []
        #expect(
            reasons.contains { $0.english.contains("no second instructor with skill industry is free") }, "\(reasons)")
    }

    @Test("a session in two simultaneous series, or naming one as its series, is refused")
    func simultaneousValidation() {
        var problem = smallProblem(
            sessions: [Session(name: "a", duration: 1), Session(name: "b", duration: 1)],
            series: [
                Series(name: "x", kind: .simultaneous, sessions: [0, 1]),
                Series(name: "y", kind: .simultaneous, sessions: [1]),
            ])
        #expect(throws: AllocatorError.self) { try problem.validate() }
        problem.series.removeLast()
        #expect(throws: Never.self) { try problem.validate() }
        problem.sessions[0].series = 0
        #expect(throws: AllocatorError.self) { try problem.validate() }
    }
}
