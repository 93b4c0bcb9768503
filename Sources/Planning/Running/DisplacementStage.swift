// Displacement's second search (docs/planner.md "Displacement and make-up"), after the run's own:
//
//   only when the run left sessions of a displacing category unplaced and bookings may be displaced
//   problem   ← every session placed stays where it is (pinned); sessions of other categories left
//               out stay out (no start); displaceable bookings may take their make-up starts
//   search    ← a displacing session placed now took a booking's place, and that booking has a
//               make-up (its priority outweighs every session that could be placed instead)
//   tidy      ← each booking moved whose own place no displacing session needs goes back
//   kept      ← only when it places more and breaks no more hard rules
//   explained ← on the run's problem with the make-up starts allowed; a displacing session still
//               unplaced is told that displacement was tried

import Allocator
import Domain

/// The second search of a run whose center lets some categories displace confirmed bookings.
struct DisplacementStage {
    let planning: PlanningProblem

    /// Whether a run may displace at all: a rule, and bookings it covers in the horizon.
    var isPossible: Bool { planning.displacement != nil && !planning.displaceable.isEmpty }

    /// The run's problem with every displaceable booking's make-up starts allowed: the one the
    /// final solution is scored and explained on (built once; no copy when nothing is displaceable).
    let widened: Problem

    init(planning: PlanningProblem) {
        self.planning = planning
        var problem = planning.problem
        for (index, displaceable) in planning.displaceable {
            problem.sessions[index].allowedStarts = [displaceable.original.start] + displaceable.makeUpStarts
        }
        widened = problem
    }

    /// The sessions of displacing categories the solution leaves unplaced.
    func displacingLeftOut(_ solution: Solution) -> [Int] {
        guard let rule = planning.displacement else { return [] }
        let categories = Set(rule.by.map(\.session))
        return planning.requestSessions.map(\.index).filter {
            solution.assignments[$0] == nil && categories.contains(planning.problem.sessions[$0].category)
        }
    }

    /// The second search's problem after the first found `solution` (see above).
    func problem(after solution: Solution) -> Problem {
        var problem = widened
        let waiting = Set(displacingLeftOut(solution))
        for index in problem.sessions.indices where planning.displaceable[index] == nil {
            if let assignment = solution.assignments[index] {
                problem.pinned[index] = assignment
            } else if !waiting.contains(index) {
                problem.sessions[index].allowedStarts = []
                problem.sessions[index].durations = problem.sessions[index].durations.map { _ in [] }
            }
        }
        return problem
    }

    /// The second search's solution if it is better than the first's: every displaceable booking
    /// placed, no more hard rules broken, more placed; bookings moved for nothing put back.
    func better(_ second: SolverResult, than first: SolverResult) -> SolverResult? {
        let problem = widened
        guard planning.displaceable.keys.allSatisfy({ second.solution.assignments[$0] != nil }) else { return nil }
        var solution = second.solution
        var score = ScoreBreakdown(problem: problem, solution: solution).score
        for (index, displaceable) in planning.displaceable.sorted(by: { $0.key < $1.key })
        where solution.assignments[index] != displaceable.original {
            var back = solution
            back.assignments[index] = displaceable.original
            let put = ScoreBreakdown(problem: problem, solution: back).score
            if put.hard >= score.hard, put.medium >= score.medium { (solution, score) = (back, put) }
        }
        guard score.hard >= first.score.hard, score.medium > first.score.medium else { return nil }
        var result = second
        result.solution = solution
        result.score = score
        result.seatAllocations = first.seatAllocations
        result.steps += first.steps
        result.movesEvaluated += first.movesEvaluated
        result.elapsed += first.elapsed
        return result
    }

    /// Adds to each displacing session still unplaced, that could use a displaceable booking's
    /// resource, that displacement was tried.
    func tell(_ explanation: inout Explanation) {
        guard let rule = planning.displacement else { return }
        let categories = Set(rule.by.map(\.session))
        let held = Set(planning.displaceable.values.map(\.original.resource))
        let resources = planning.problem.resources
        let days = rule.makeUpWithinDays
        for position in explanation.unplaced.indices {
            let session = planning.problem.sessions[explanation.unplaced[position].session]
            let need = session.resourceNeed
            let usable =
                need.eligibleResources
                ?? resources.indices.filter { Set(need.capabilities).isSubset(of: resources[$0].capabilities) }
            guard categories.contains(session.category), !held.isDisjoint(with: usable) else { continue }
            explanation.unplaced[position].reasons.insert(
                Reason(
                    english:
                        "displacing the confirmed sessions in its way was tried: not every one of them has a make-up within \(days) days (same place, instructor and hours, class free)",
                    chinese: "已尝试调开占用该时段的已确认课次：并非每个课次都能在\(days)天内补排（同一场地、同一教师、同一时段，且班级有空）"),
                at: 0)
        }
    }
}
