import Foundation

// Searches side by side meet at fixed points of the time gradient (every tenth of it):
//
//   meet(best so far):  offer it; wait until every search still searching has arrived;
//                       take the best offered so far (better score first, then the lower search index)
//   after a meeting:    a search whose current solution is worse continues from that best;
//                       a search other than the first leaves when the machine is busy
//   leave():            a search that stops (limit, cancellation, nothing to move) no longer holds the others
//
// With a step limit every search reaches the same meetings after the same steps, so a seed gives one result.

/// Where searches running side by side exchange their best solutions (see above); shared by all of them.
final class Meeting: @unchecked Sendable {
    /// Fractions of the time gradient at which searches meet.
    static let points = stride(from: 0.1, to: 0.95, by: 0.1).map { $0 }

    private let condition = NSCondition()
    private var searching: Int
    private var arrived = 0
    private var round = 0
    private var best: (score: Score, search: Int, solution: Solution)?
    private var released: (score: Score, solution: Solution)?

    init(searches: Int) {
        searching = searches
    }

    /// Offers a search's best solution and waits for the others still searching.
    /// - Returns: the best solution offered by any search at this or an earlier meeting.
    func meet(search: Int, score: Score, solution: Solution) -> (score: Score, solution: Solution) {
        condition.lock()
        defer { condition.unlock() }
        if best.map({ score > $0.score || (score == $0.score && search < $0.search) }) ?? true {
            best = (score, search, solution)
        }
        arrived += 1
        let mine = round
        if arrived == searching {
            release()
        } else {
            while round == mine { condition.wait() }
        }
        return released!
    }

    /// Stops a search from holding the others' meetings.
    func leave() {
        condition.lock()
        defer { condition.unlock() }
        searching -= 1
        if arrived > 0 && arrived == searching { release() }
    }

    private func release() {
        released = best.map { ($0.score, $0.solution) }
        arrived = 0
        round += 1
        condition.broadcast()
    }
}

/// One search's place at a ``Meeting``: which meetings it has been to, and whether it has left.
final class Rendezvous {
    let meeting: Meeting
    let search: Int
    /// Whether this search gives way when the machine is busy (every search but the first).
    let isBusy: (@Sendable () -> Bool)?
    private var next = 0
    private(set) var hasLeft = false

    init(meeting: Meeting, search: Int, isBusy: (@Sendable () -> Bool)?) {
        self.meeting = meeting
        self.search = search
        self.isBusy = search > 0 ? isBusy : nil
    }

    /// Whether the search has reached a meeting it has not been to.
    func isDue(_ gradient: Double) -> Bool {
        !hasLeft && next < Meeting.points.count && gradient >= Meeting.points[next]
    }

    /// Goes to every meeting the gradient has passed; continues the director from the best solution
    /// when it beats the current one.
    /// - Returns: whether the search should stop here (the machine is busy and it gives way).
    func meet(_ director: inout ScoreDirector, best: BestSolutionRecaller, gradient: Double) -> Bool {
        while isDue(gradient) {
            next += 1
            let shared = meeting.meet(search: search, score: best.bestScore, solution: best.bestSolution)
            if shared.score > director.score {
                director = ScoreDirector(
                    director.facts, solution: shared.solution, assertFullScore: director.assertFullScore)
            }
        }
        if let isBusy, isBusy() {
            leave()
            return true
        }
        return false
    }

    /// Leaves the meeting (once).
    func leave() {
        guard !hasLeft else { return }
        hasLeft = true
        meeting.leave()
    }
}
