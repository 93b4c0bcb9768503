import Allocator
import ArgumentParser
import Foundation

/// `praxis cbctt solve`: solves a CB-CTT instance with the allocator and writes a `.sol` timetable.
struct CBCTTSolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a CB-CTT instance (.ctt) and write the timetable (.sol), UD2 weights.",
        discussion: """
            Maps the instance onto the allocator's model (lectures → sessions of a spread series per course, \
            curricula → cohorts, teachers → instructors), prints progress to standard error, then the official \
            UD2 evaluation of the timetable written.
            """
    )

    @Argument(help: "The instance, a .ctt file.")
    var instance: String

    @Option(help: "Seconds of local search.")
    var timeLimit: Double = 10

    @Option(help: "Random seed; the same seed with --step-limit gives the same timetable.")
    var seed: UInt64 = 0

    @Option(help: "Stop after this many local-search steps (deterministic).")
    var stepLimit: Int?

    @Option(help: "Where to write the .sol timetable.")
    var out: String

    func validate() throws {
        guard timeLimit >= 0 else {
            throw ValidationError("The --time-limit (\(timeLimit)) must be 0 or more seconds.")
        }
    }

    func run() throws {
        let instance: CBCTTInstance
        do {
            instance = try CBCTTInstance(parsing: String(contentsOfFile: self.instance, encoding: .utf8))
        } catch {
            printError("cannot read the instance '\(self.instance)': \(error)")
            throw ExitCode.failure
        }
        let termination = Termination(timeLimit: .milliseconds(Int(timeLimit * 1000)), stepLimit: stepLimit)
        let solver = Solver(configuration: SolverConfiguration(seed: seed, termination: termination))
        let result: SolverResult
        do {
            result = try solver.solve(instance.problem(), progress: Solve.printProgress)
        } catch {
            printError(error.message)
            throw ExitCode.failure
        }
        let timetable = instance.timetable(from: result.solution)
        try timetable.solText(instance: instance).write(toFile: out, atomically: true, encoding: .utf8)
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(timetable)
        let seconds = result.elapsed / .seconds(1)
        print(
            "\(instance.name): hard \(evaluation.hard), soft \(evaluation.soft), "
                + "unplaced \(result.solution.unplacedSessions.count), time \(String(format: "%.1f", seconds)) s, "
                + "\(Int(result.movesPerSecond)) moves/s"
        )
    }
}
