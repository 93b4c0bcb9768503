import Domain
import Foundation

/// A run's result in one plain sentence of the reader's language, instead of the score's three
/// numbers: "All 142 sessions placed; 3 preferences not met: …" / "142 个课次全部排定；3 项偏好未满足：…".
struct PlanSummaryText {
    let strings: Strings
    let language: Language

    /// The sentence for `result`.
    func sentence(_ result: PlanResult) -> String {
        let within = result.sessionsWithinHorizon
        var parts: [String] = []
        if within == 0 {
            parts.append(text("planSummary_none"))
        } else if result.unplaced.isEmpty {
            parts.append(text("planSummary_allPlaced", ["n": within]))
        } else {
            parts.append(
                text(
                    "planSummary_somePlaced", ["placed": result.placed, "n": within, "unplaced": result.unplaced.count])
            )
        }
        if let outside = result.outsideHorizon, !outside.isEmpty {
            parts.append(text("planSummary_outside", ["n": outside.count]))
        }
        if !result.score.feasible {
            parts.append(text("planSummary_infeasible"))
        }
        let preferences = result.preferencesNotMet
        if preferences.isEmpty {
            parts.append(text("planSummary_preferencesMet"))
        } else {
            let list = preferences.map { text("constraint_\($0.constraint)", ["n": Int($0.penalty)]) }
            parts.append(
                text("planSummary_preferences", ["n": preferences.count])
                    + list.joined(separator: text("planSummary_listSeparator")))
        }
        return parts.joined(separator: text("planSummary_separator")) + text("planSummary_end")
    }

    /// A page text with its `{name}` placeholders filled; the `_one` form of the text when its
    /// count `n` is 1 and it has one.
    private func text(_ key: String, _ values: [String: Int] = [:]) -> String {
        let table = strings.table(language)
        let chosen = values["n"] == 1 ? table[key + "_one"] ?? strings.text(key, language) : strings.text(key, language)
        return values.reduce(chosen) { text, value in
            text.replacingOccurrences(of: "{\(value.key)}", with: "\(value.value)")
        }
    }
}
