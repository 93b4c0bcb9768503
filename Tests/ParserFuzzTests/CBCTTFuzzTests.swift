import Allocator
import Testing

@Suite("Fuzzing the CB-CTT readers")
struct CBCTTFuzzTests {
    static let tokens = [
        "COURSES:", "ROOMS:", "CURRICULA:", "UNAVAILABILITY_CONSTRAINTS:", "END.", "Name: ", "Courses: ", "Days: ",
        "Periods_per_day: ", "\n", "\r\n", " ", "\t", "TecCos", "A", "Cur1",
    ]

    @Test("a mutated .ctt is read or refused; one that is read makes a valid problem and is evaluated")
    func instances() throws {
        try Fuzz.run("ctt", seeds: [try Fuzz.fixture("toy.ctt")], tokens: Self.tokens) { bytes in
            guard let instance = try? CBCTTInstance(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
            #expect(throws: Never.self) { try instance.problem().validate() }
            _ = CBCTTEvaluator(instance: instance).evaluate(CBCTTTimetable(entries: []))
        }
    }

    @Test("a mutated .sol is read or refused against its instance; one that is read is evaluated")
    func timetables() throws {
        let instance = try CBCTTInstance(parsing: String(decoding: try Fuzz.fixture("toy.ctt"), as: UTF8.self))
        let evaluator = CBCTTEvaluator(instance: instance)
        try Fuzz.run("sol", seeds: [try Fuzz.fixture("toy.sol")], tokens: Self.tokens) { bytes in
            guard
                let timetable = try? CBCTTTimetable(
                    parsing: String(decoding: bytes, as: UTF8.self), instance: instance)
            else { return }
            _ = evaluator.evaluate(timetable)
        }
    }
}
