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

    @OptionGroup var search: SearchOptions

    @Option(help: "Where to write the .sol timetable.")
    var out: String

    func run() throws {
        let instance: CBCTTInstance
        do {
            instance = try CBCTTInstance(parsing: String(contentsOfFile: self.instance, encoding: .utf8))
        } catch {
            printError("cannot read the instance '\(self.instance)': \(error)")
            throw ExitCode.failure
        }
        let solver = search.solver
        let result: SolverResult
        do {
            result = try solver.solve(instance.problem(), progress: Solve.printProgress)
        } catch {
            printError(error.message)
            throw ExitCode.failure
        }
        let timetable = instance.timetable(from: result.solution)
        try OutputFile(path: out).write(Data(timetable.solText(instance: instance).utf8))
        let evaluation = CBCTTEvaluator(instance: instance).evaluate(timetable)
        let seconds = result.elapsed / .seconds(1)
        let refused = 100 * result.movesRefused / max(1, result.movesEvaluated)
        print(
            "\(instance.name): hard \(evaluation.hard), soft \(evaluation.soft), "
                + "unplaced \(result.solution.unplacedSessions.count), time \(String(format: "%.1f", seconds)) s, "
                + "\(Int(result.movesPerSecond)) moves/s (\(refused)% refused unscored as clashes)"
        )
    }
}
