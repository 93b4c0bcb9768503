import Access
import Domain
import Foundation
import Planning

/// `praxis plan`'s live progress: reads the run's recorded progress once a second (whichever
/// process works it) and writes a line to standard error each second while it runs, as `praxis
/// solve` does: the time since the run was queued, the best score so far, unplaced sessions, steps.
struct PlanProgressLines: Sendable {
    let service: PlanService
    var interval: Duration = .seconds(1)

    /// Follows the run until it settles or the task is cancelled.
    func follow(_ planId: UUID) async {
        let started = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard let plan = try? await service.plan(planId, as: .system) else { continue }
            if plan.status.isSettled { return }
            if let progress = plan.progress {
                let elapsed = (ContinuousClock.now - started) / .seconds(1)
                FileHandle.standardError.write(
                    Data(Self.line(progress, elapsed: elapsed, status: plan.status.rawValue).utf8))
            }
        }
    }

    /// `   3.0s  best 0hard/-2medium/-40soft  unplaced 2  steps 12345  running`
    static func line(_ progress: PlanProgress, elapsed: Double, status: String) -> String {
        let score = progress.bestScore
        return String(format: "%7.1fs", elapsed)
            + "  best \(score.hard)hard/\(score.medium)medium/\(score.soft)soft  unplaced \(progress.unplacedSessions)"
            + "  steps \(progress.steps)  \(status)\n"
    }
}
