import Allocator
import ArgumentParser
import Foundation

/// `praxis cbctt evaluate`: scores a `.sol` timetable against its `.ctt` instance and prints the breakdown.
struct CBCTTEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a CB-CTT timetable (.sol) against its instance (.ctt) with the UD2 weights.",
        discussion: """
            Counts every hard and soft constraint as the official ITC-2007 track 3 validator does. Exits 1 when a \
            file cannot be read or parsed; a timetable that breaks hard constraints is reported and exits 0.
            """
    )

    @Argument(help: "The instance, a .ctt file.")
    var instance: String

    @Argument(help: "The timetable, a .sol file: one 'course room day period' line per lecture.")
    var solution: String

    @Flag(help: "Print one JSON object with the totals and every count instead of a table.")
    var json = false

    func run() throws {
        let instance = try Self.read(self.instance) { text throws(CBCTTFormatError) in
            try CBCTTInstance(parsing: text)
        }
        let timetable = try Self.read(solution) { text throws(CBCTTFormatError) in
            try CBCTTTimetable(parsing: text, instance: instance)
        }
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(timetable)
        print(json ? try Self.jsonReport(evaluation, instance: instance) : Self.table(evaluation, instance: instance))
    }

    /// Reads and parses the file at `path`, or explains on standard error why it cannot.
    ///
    /// - Throws: `ExitCode.failure` when the file cannot be read or its text does not parse.
    private static func read<Value>(
        _ path: String,
        parse: (String) throws(CBCTTFormatError) -> Value
    ) throws(ExitCode) -> Value {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            printError("cannot read '\(path)': \(error.localizedDescription)")
            throw ExitCode.failure
        }
        do {
            return try parse(text)
        } catch {
            printError("\(path): \(error)")
            throw ExitCode.failure
        }
    }

    private static func table(_ evaluation: CBCTTEvaluation, instance: CBCTTInstance) -> String {
        let rows: [(String, Int, String)] = [
            ("Lectures (hard)", evaluation.lectures, "missing or extra lectures"),
            ("Conflicts (hard)", evaluation.conflicts, "course pairs in one period"),
            ("RoomOccupancy (hard)", evaluation.roomOccupancy, "extra lectures in one room and period"),
            ("Availability (hard)", evaluation.availability, "lectures in unavailable periods"),
            ("Skipped entries (hard)", evaluation.skippedEntries, "entries out of range or repeated"),
            ("RoomCapacity (soft)", evaluation.roomCapacityCost, "\(evaluation.studentsOverCapacity) students × 1"),
            ("MinWorkingDays (soft)", evaluation.minWorkingDaysCost, "\(evaluation.missingWorkingDays) days × 5"),
            (
                "CurriculumCompactness (soft)", evaluation.curriculumCompactnessCost,
                "\(evaluation.isolatedLectures) isolated lectures × 2"
            ),
            ("RoomStability (soft)", evaluation.roomStabilityCost, "\(evaluation.extraRooms) extra rooms × 1"),
        ]
        var lines = ["\(instance.name): hard \(evaluation.hard), soft \(evaluation.soft)"]
        for (name, value, detail) in rows {
            let label = name.padding(toLength: 30, withPad: " ", startingAt: 0)
            let number = String(value).padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("  \(label)\(number)\(detail)")
        }
        return lines.joined(separator: "\n")
    }

    /// The evaluation as one line of JSON; `hard` and `soft` are the totals, the soft constraint names hold
    /// weighted costs and the remaining soft keys the raw counts.
    private static func jsonReport(_ evaluation: CBCTTEvaluation, instance: CBCTTInstance) throws -> String {
        let report = Report(evaluation, instance: instance.name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    private struct Report: Encodable {
        var instance: String
        var feasible: Bool
        var hard: Int
        var soft: Int
        var lectures: Int
        var conflicts: Int
        var roomOccupancy: Int
        var availability: Int
        var skippedEntries: Int
        var roomCapacity: Int
        var minWorkingDays: Int
        var curriculumCompactness: Int
        var roomStability: Int
        var studentsOverCapacity: Int
        var missingWorkingDays: Int
        var isolatedLectures: Int
        var extraRooms: Int

        init(_ evaluation: CBCTTEvaluation, instance: String) {
            self.instance = instance
            feasible = evaluation.isFeasible
            hard = evaluation.hard
            soft = evaluation.soft
            lectures = evaluation.lectures
            conflicts = evaluation.conflicts
            roomOccupancy = evaluation.roomOccupancy
            availability = evaluation.availability
            skippedEntries = evaluation.skippedEntries
            roomCapacity = evaluation.roomCapacityCost
            minWorkingDays = evaluation.minWorkingDaysCost
            curriculumCompactness = evaluation.curriculumCompactnessCost
            roomStability = evaluation.roomStabilityCost
            studentsOverCapacity = evaluation.studentsOverCapacity
            missingWorkingDays = evaluation.missingWorkingDays
            isolatedLectures = evaluation.isolatedLectures
            extraRooms = evaluation.extraRooms
        }
    }
}
