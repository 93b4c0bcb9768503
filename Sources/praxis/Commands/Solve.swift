import Allocator
import ArgumentParser
import Foundation

/// `praxis solve`: plans a problem file (docs/problem-format.md) and writes the solution.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan a problem (JSON, see docs/problem-format.md) with the allocator.",
        discussion: """
            Prints progress (best score, steps, moves per second) to standard error and a summary at the end. \
            With --out, writes the solution, the score breakdown and the reasons for every unplaced session as JSON.
            """
    )

    @Argument(help: "The problem, a JSON file.")
    var problem: String

    @OptionGroup var search: SearchOptions

    @Option(help: "Where to write the solution JSON.")
    var out: String?

    func run() throws {
        let problem: Problem
        do {
            problem = try JSONDecoder().decode(Problem.self, from: Data(contentsOf: URL(fileURLWithPath: self.problem)))
        } catch {
            printError("cannot read the problem '\(self.problem)': \(error)")
            throw ExitCode.failure
        }
        let solver = search.solver
        do {
            let result = try solver.solve(problem, progress: Self.printProgress)
            let explanation = try Explanation(
                problem: problem,
                solution: result.solution,
                seatAllocations: result.seatAllocations
            )
            if let out {
                let report = SolutionReport(result: result, explanation: explanation)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try OutputFile(path: out).write(encoder.encode(report))
            }
            let seconds = result.elapsed / .seconds(1)
            print(
                "score \(result.score), unplaced \(explanation.unplaced.count), "
                    + "time \(String(format: "%.1f", seconds)) s"
            )
            for unplaced in explanation.unplaced {
                print("  unplaced \(unplaced.name): \(unplaced.reasons.map(\.english).joined(separator: "; "))")
            }
        } catch let error as AllocatorError {
            printError(error.message)
            throw ExitCode.failure
        }
    }

    /// Writes one progress line to standard error.
    static func printProgress(_ progress: SolverProgress) {
        let seconds = progress.elapsed / .seconds(1)
        let line = String(
            format: "%7.1fs  best %@  steps %d  %.0f moves/s\n",
            seconds,
            progress.bestScore.description,
            progress.steps,
            progress.movesPerSecond
        )
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// The JSON written by `praxis solve --out` (docs/problem-format.md, "Solution format").
struct SolutionReport: Encodable {
    struct Unplaced: Encodable {
        var session: Int
        var name: String
        var reasons: [String]
    }

    struct ConstraintLine: Encodable {
        var constraint: String
        var level: String
        var penalty: Int64
        var weighted: Int64
    }

    var score: Score
    var feasible: Bool
    var assignments: [Assignment?]
    var unplaced: [Unplaced]
    var constraints: [ConstraintLine]
    var seatAllocations: [SeatAllocation]
    var steps: Int
    var movesEvaluated: Int
    var seconds: Double

    init(result: SolverResult, explanation: Explanation) {
        score = result.score
        feasible = result.score.isFeasible
        assignments = result.solution.assignments
        unplaced = explanation.unplaced.map {
            Unplaced(session: $0.session, name: $0.name, reasons: $0.reasons.map(\.english))
        }
        constraints = explanation.constraints.map {
            ConstraintLine(
                constraint: $0.constraint.rawValue,
                level: $0.constraint.level.rawValue,
                penalty: $0.penalty,
                weighted: $0.weighted
            )
        }
        seatAllocations = result.seatAllocations
        steps = result.steps
        movesEvaluated = result.movesEvaluated
        seconds = result.elapsed / .seconds(1)
    }
}
