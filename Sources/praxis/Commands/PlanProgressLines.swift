import Access
import Domain
import Foundation
import Planning

/// `praxis plan`'s live progress: reads the run's recorded progress once a second (whichever
/// process works it) and writes a line to standard error whenever it moved, as `praxis solve` does.
struct PlanProgressLines: Sendable {
    let service: PlanService
    var interval: Duration = .seconds(1)

    /// Follows the run until it settles or the task is cancelled.
    func follow(_ planId: UUID) async {
        var last: PlanProgress?
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard let plan = try? await service.plan(planId, as: .system) else { continue }
            if let progress = plan.progress, progress != last {
                FileHandle.standardError.write(Data(Self.line(progress, status: plan.status.rawValue).utf8))
                last = progress
            }
            if plan.status.isSettled { return }
        }
    }

    /// `   3.0s  best 0hard/-2medium/-40soft  unplaced 2  steps 12345  running`
    static func line(_ progress: PlanProgress, status: String) -> String {
        let score = progress.bestScore
        return String(format: "%7.1fs", progress.elapsedSeconds)
            + "  best \(score.hard)hard/\(score.medium)medium/\(score.soft)soft  unplaced \(progress.unplacedSessions)"
            + "  steps \(progress.steps)  \(status)\n"
    }
}
