import Domain
import Foundation

/// A quota and what is left of it as the reader reads them: "五轴加工中心 · 学生实训" and
/// "6 of 20 h left this month".
struct QuotaText {
    let strings: Strings
    let language: Language
    /// Names of the center's resources, for a quota on one of them.
    let resourceNames: [UUID: String]

    /// What the quota counts: its resource, capability or the whole center, and its category.
    func scope(_ quota: Quota) -> String {
        let place =
            quota.resourceId.map { resourceNames[$0] ?? $0.uuidString }
            ?? quota.capability ?? text("quotas_wholeCenter")
        let category = quota.category.map { text("category_\($0.rawValue)") } ?? text("quotas_anyCategory")
        return "\(place) · \(category)"
    }

    /// "6 of 20 h left this month", or that no term holds the time for a term quota.
    func left(_ use: QuotaUse) -> String {
        guard use.windowStart != nil else { return text("quota_noTerm") }
        return text("quota_left_\(use.quota.period.rawValue)")
            .replacingOccurrences(of: "{left}", with: QuotaUse.text(use.hoursLeft))
            .replacingOccurrences(of: "{hours}", with: "\(use.quota.hours)")
    }

    /// The explanation of a booking refused by the quota.
    func refusal(_ use: QuotaUse) -> String {
        text("quota_refused").replacingOccurrences(of: "{scope}", with: scope(use.quota))
            .replacingOccurrences(of: "{left}", with: left(use))
    }

    private func text(_ key: String) -> String { strings.text(key, language) }
}
