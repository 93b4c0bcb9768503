import Allocator
import Testing

@Suite("CB-CTT evaluator (UD2, official validator's counting)")
struct CBCTTEvaluatorTests {
    /// Two days of four periods; rooms A and B seat 50, C seats 10; alg and his share teacher t1; curriculum Q1 is
    /// {alg, geo}; art may not be taught on day 1, period 0.
    static let instance = CBCTTInstance(
        name: "Fixture",
        days: 2,
        periodsPerDay: 4,
        courses: [
            .init(name: "alg", teacher: "t1", lectures: 3, minWorkingDays: 2, students: 40),
            .init(name: "geo", teacher: "t2", lectures: 2, minWorkingDays: 2, students: 20),
            .init(name: "his", teacher: "t1", lectures: 2, minWorkingDays: 2, students: 10),
            .init(name: "art", teacher: "t3", lectures: 1, minWorkingDays: 1, students: 10),
        ],
        rooms: [.init(name: "A", capacity: 50), .init(name: "B", capacity: 50), .init(name: "C", capacity: 10)],
        curricula: [.init(name: "Q1", courses: [0, 1])],
        unavailabilities: [.init(course: 3, day: 1, period: 0)]
    )

    /// A timetable breaking nothing: Q1 holds periods 0–2 of day 0 and 0–1 of day 1.
    static let feasible = [
        "alg A 0 0", "alg A 0 1", "alg A 1 0",
        "geo B 0 2", "geo B 1 1",
        "his C 0 3", "his C 1 3",
        "art C 0 0",
    ]

    /// Scores ``feasible`` with the entry `old` replaced by `new` (nil removes it) and `added` appended.
    func evaluate(
        replacing changes: [String: String?] = [:],
        adding added: [String] = [],
        instance: CBCTTInstance = Self.instance
    ) throws -> CBCTTEvaluation {
        var lines = Self.feasible
        for (old, new) in changes {
            let index = try #require(lines.firstIndex(of: old), "no entry '\(old)' in the feasible timetable")
            if let new { lines[index] = new } else { lines.remove(at: index) }
        }
        let text = (lines + added).joined(separator: "\n")
        return CBCTTEvaluator(instance: instance).evaluate(try CBCTTTimetable(parsing: text, instance: instance))
    }

    @Test("a feasible, compact timetable costs nothing")
    func feasibleCostsNothing() throws {
        let evaluation = try evaluate()
        #expect(evaluation == CBCTTEvaluation())
        #expect(evaluation.isFeasible)
        #expect(evaluation.soft == 0)
    }

    @Test("Lectures: each missing and each extra lecture of a course counts 1")
    func lectures() throws {
        #expect(try evaluate(replacing: ["alg A 0 0": nil]) == CBCTTEvaluation(lectures: 1))
        #expect(try evaluate(adding: ["art C 1 2"]) == CBCTTEvaluation(lectures: 1))
        let both = try evaluate(replacing: ["alg A 0 0": nil], adding: ["art C 1 2"])
        #expect(both == CBCTTEvaluation(lectures: 2))
        #expect(both.hard == 2)
    }

    @Test("Conflicts: each pair of courses sharing a curriculum or a teacher counts once per shared period")
    func conflicts() throws {
        let curriculum = try evaluate(replacing: ["geo B 0 2": "geo B 0 1"])
        #expect(curriculum == CBCTTEvaluation(conflicts: 1))
        let teacher = try evaluate(replacing: ["his C 0 3": "his C 0 1"])
        #expect(teacher == CBCTTEvaluation(conflicts: 1))
        let threeCourses = try evaluate(replacing: ["geo B 0 2": "geo B 0 1", "his C 0 3": "his C 0 1"])
        #expect(threeCourses == CBCTTEvaluation(conflicts: 2))
    }

    @Test("Conflicts: courses sharing both a curriculum and a teacher still count once per period")
    func conflictsCountedOncePerPair() throws {
        var instance = Self.instance
        instance.courses[1].teacher = "t1"
        let evaluation = try evaluate(replacing: ["geo B 0 2": "geo B 0 1"], instance: instance)
        #expect(evaluation == CBCTTEvaluation(conflicts: 1))
    }

    @Test("RoomOccupancy: each lecture beyond the first in a room and period counts 1")
    func roomOccupancy() throws {
        #expect(try evaluate(replacing: ["art C 0 0": "art A 0 0"]) == CBCTTEvaluation(roomOccupancy: 1))
        let three = try evaluate(replacing: [
            "art C 0 0": "art B 0 2", "his C 0 3": "his B 0 2", "his C 1 3": "his B 1 3",
        ])
        #expect(three == CBCTTEvaluation(roomOccupancy: 2))
    }

    @Test("Availability: each lecture in a period its course may not use counts 1")
    func availability() throws {
        #expect(try evaluate(replacing: ["art C 0 0": "art C 1 0"]) == CBCTTEvaluation(availability: 1))
    }

    @Test("RoomCapacity: each lecture costs the students above the room's capacity")
    func roomCapacity() throws {
        let evaluation = try evaluate(replacing: ["geo B 0 2": "geo C 0 2", "geo B 1 1": "geo C 1 1"])
        #expect(evaluation == CBCTTEvaluation(studentsOverCapacity: 20))
        #expect(evaluation.roomCapacityCost == 20)
        #expect(evaluation.soft == 20)
    }

    @Test("MinWorkingDays: each day short of a course's minimum costs 5")
    func minWorkingDays() throws {
        let evaluation = try evaluate(replacing: ["his C 1 3": "his C 0 2"])
        #expect(evaluation == CBCTTEvaluation(missingWorkingDays: 1))
        #expect(evaluation.soft == 5)
    }

    @Test("CurriculumCompactness: each curriculum lecture with no same-day neighbour of its curriculum costs 2")
    func isolatedLectures() throws {
        let evaluation = try evaluate(replacing: ["geo B 0 2": "geo B 0 3"])
        #expect(evaluation == CBCTTEvaluation(isolatedLectures: 1))
        #expect(evaluation.soft == 2)
    }

    @Test("CurriculumCompactness: the last period of a day and the first of the next are not adjacent")
    func isolatedAcrossDays() throws {
        let evaluation = try evaluate(replacing: ["geo B 0 2": "geo B 0 3", "geo B 1 1": "geo B 1 2"])
        // Day 0: alg at 0 and 1, geo at 3. Day 1: alg at 0, geo at 2. Geo on day 0 and alg on day 1 follow each
        // other in the week but not within a day, so all three are isolated.
        #expect(evaluation == CBCTTEvaluation(isolatedLectures: 3))
    }

    @Test(
        "CurriculumCompactness: an isolated period counts every lecture of the curriculum in it, as the validator does"
    )
    func isolatedPeriodWithTwoLectures() throws {
        let evaluation = try evaluate(replacing: ["geo B 1 1": "geo B 1 0"])
        // Day 1: alg and geo both in period 0, nothing in period 1.
        #expect(evaluation == CBCTTEvaluation(conflicts: 1, isolatedLectures: 2))
    }

    @Test("RoomStability: each distinct room of a course beyond the first costs 1")
    func roomStability() throws {
        #expect(try evaluate(replacing: ["alg A 1 0": "alg B 1 0"]) == CBCTTEvaluation(extraRooms: 1))
    }

    @Test("entries out of range or repeating a course's period are skipped, counted as hard, and left out elsewhere")
    func skippedEntries() {
        let timetable = CBCTTTimetable(entries: [
            .init(course: 0, room: 0, day: 0, period: 0), .init(course: 0, room: 0, day: 0, period: 1),
            .init(course: 0, room: 0, day: 1, period: 0), .init(course: 1, room: 1, day: 0, period: 2),
            .init(course: 1, room: 1, day: 1, period: 1), .init(course: 2, room: 2, day: 0, period: 3),
            .init(course: 2, room: 2, day: 1, period: 3), .init(course: 3, room: 2, day: 0, period: 0),
            // Skipped: unknown course, unknown room, day and period out of range, a repeat in another room.
            .init(course: 4, room: 0, day: 0, period: 0), .init(course: 3, room: -1, day: 0, period: 0),
            .init(course: 3, room: 0, day: 2, period: 0), .init(course: 3, room: 0, day: 0, period: 4),
            .init(course: 0, room: 1, day: 0, period: 0),
        ])
        let evaluation = CBCTTEvaluator(instance: Self.instance).evaluate(timetable)
        #expect(evaluation == CBCTTEvaluation(skippedEntries: 5))
        #expect(evaluation.hard == 5)
        #expect(!evaluation.isFeasible)
    }

    @Test("totals: hard adds the violations, soft weighs RoomCapacity 1, MinWorkingDays 5, compactness 2, stability 1")
    func totals() {
        let evaluation = CBCTTEvaluation(
            lectures: 1,
            conflicts: 2,
            roomOccupancy: 3,
            availability: 4,
            skippedEntries: 5,
            studentsOverCapacity: 3,
            missingWorkingDays: 2,
            isolatedLectures: 4,
            extraRooms: 1
        )
        #expect(evaluation.hard == 15)
        #expect(evaluation.minWorkingDaysCost == 10)
        #expect(evaluation.curriculumCompactnessCost == 8)
        #expect(evaluation.soft == 3 + 10 + 8 + 1)
    }

    static let publicSolutions: [(solution: String, instance: String, soft: Int)] = [
        ("comp01.docheinstein", "comp01", 5),
        ("comp02.docheinstein", "comp02", 36),
        ("comp03.docheinstein", "comp03", 66),
        ("comp04.docheinstein", "comp04", 37),
        ("comp05.docheinstein", "comp05", 305),
        ("comp06.docheinstein", "comp06", 40),
        ("comp07.docheinstein", "comp07", 14),
        ("comp01.walacesrocha", "comp01", 502),
        ("comp21.walacesrocha", "comp21", 318),
    ]

    @Test("each public solution is feasible and costs what SOURCES.md gives", arguments: publicSolutions)
    func publicSolution(_ solution: String, _ instanceName: String, _ soft: Int) throws {
        let instance = try CBCTTBenchmarkFolder.instance(instanceName)
        let text = try CBCTTBenchmarkFolder.text(of: "solutions/\(solution).sol")
        let timetable = try CBCTTTimetable(parsing: text, instance: instance)
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(timetable)
        #expect(evaluation.hard == 0, "\(evaluation)")
        #expect(evaluation.soft == soft, "\(evaluation)")
        #expect(timetable.entries.count == instance.courses.reduce(0) { $0 + $1.lectures })
    }
}
