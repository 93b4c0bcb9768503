import Foundation

extension Solver {
    /// Runs ``SolverConfiguration/searches`` searches side by side, search `i` seeded `seed + i`, the first
    /// on the calling thread, meeting to share their best (Rendezvous.swift).
    /// - Returns: the best search's result (ties: the lowest search), with the steps and moves of all.
    func solveSideBySide(
        _ problem: Problem, progress: ((SolverProgress) -> Void)?
    ) throws(AllocatorError) -> SolverResult {
        let count = configuration.searches
        let meeting = Meeting(searches: count)
        let reports = MergedProgress(searches: count, progress: progress)
        let results = SearchResults(searches: count)
        // the configuration's clock and closures are documented as called from every search's thread
        let shared = Unchecked(value: self)
        let run = { @Sendable (index: Int) in
            var solver = shared.value
            solver.configuration.seed &+= UInt64(index)
            let rendezvous = Rendezvous(meeting: meeting, search: index, isBusy: solver.configuration.isBusy)
            results.set(index) { () throws(AllocatorError) in
                try solver.search(problem, progress: { reports.report($0, from: index) }, rendezvous: rendezvous)
            }
        }
        let others = DispatchGroup()
        for index in 1..<count {
            others.enter()
            let thread = Thread {
                run(index)
                others.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        run(0)
        others.wait()
        return try results.combined()
    }
}

/// A value handed to other threads whose thread safety its owner vouches for.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
}

/// The progress of searches side by side, reported as one: the best score of all, their steps and moves
/// added, the longest elapsed time.
private final class MergedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [SolverProgress?]
    private let progress: ((SolverProgress) -> Void)?

    init(searches: Int, progress: ((SolverProgress) -> Void)?) {
        latest = Array(repeating: nil, count: searches)
        self.progress = progress
    }

    func report(_ report: SolverProgress, from search: Int) {
        guard let progress else { return }
        lock.lock()
        defer { lock.unlock() }
        latest[search] = report
        let known = latest.compactMap { $0 }
        progress(
            SolverProgress(
                bestScore: known.map(\.bestScore).max()!, steps: known.map(\.steps).reduce(0, +),
                movesEvaluated: known.map(\.movesEvaluated).reduce(0, +), elapsed: known.map(\.elapsed).max()!))
    }
}

/// What each search ended with.
private final class SearchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SolverResult, AllocatorError>?]

    init(searches: Int) {
        results = Array(repeating: nil, count: searches)
    }

    func set(_ search: Int, _ body: () throws(AllocatorError) -> SolverResult) {
        let result: Result<SolverResult, AllocatorError>
        do { result = .success(try body()) } catch { result = .failure(error) }
        lock.lock()
        results[search] = result
        lock.unlock()
    }

    /// The best result (the first search's on a tie), with every search's steps, moves and time.
    func combined() throws(AllocatorError) -> SolverResult {
        var all: [SolverResult] = []
        for result in results {
            switch result! {
            case .success(let value): all.append(value)
            case .failure(let error): throw error
            }
        }
        var best = all[0]
        for candidate in all.dropFirst() where candidate.score > best.score { best = candidate }
        best.steps = all.map(\.steps).reduce(0, +)
        best.movesEvaluated = all.map(\.movesEvaluated).reduce(0, +)
        best.movesRefused = all.map(\.movesRefused).reduce(0, +)
        best.elapsed = all.map(\.elapsed).max()!
        return best
    }
}
