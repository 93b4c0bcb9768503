public import Foundation

/// A quota with what its organization has used of it in the window that holds a given instant:
/// "6 of 20 hours left this month".
public struct QuotaUse: Sendable, Equatable, Codable {
    public var quota: Quota
    /// The window's start and end; `nil` for a term quota when no term holds the instant.
    public var windowStart: Date?
    public var windowEnd: Date?
    /// Hours of confirmed bookings counted in the window.
    public var hoursUsed: Double
    /// `quota.hours - hoursUsed`, never below zero.
    public var hoursLeft: Double

    public init(quota: Quota, windowStart: Date?, windowEnd: Date?, hoursUsed: Double) {
        self.quota = quota
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.hoursUsed = hoursUsed
        self.hoursLeft = max(0, Double(quota.hours) - hoursUsed)
    }

    /// A sentence for a person: "Quota of 20 h per month (pilot_production, cnc.5axis): 6 h left, 14 h used."
    public var sentence: String {
        var scope = [quota.category?.rawValue, quota.capability].compactMap { $0 }
        if let resourceId = quota.resourceId { scope.append("resource \(resourceId)") }
        let of = scope.isEmpty ? "" : " (\(scope.joined(separator: ", ")))"
        return "The quota of \(quota.hours) h per \(quota.period.rawValue)\(of) has \(Self.text(hoursLeft)) h left "
            + "of \(quota.hours); \(Self.text(hoursUsed)) h are booked."
    }

    /// Hours as a person writes them: `6`, `1.5`.
    public static func text(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
