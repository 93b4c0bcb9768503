/// The reports a center's figures are read in (`GET /centers/{id}/reports/{kind}`).
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    /// Booked, used and open hours per resource and capability, and a weekday × hour heat map.
    case utilisation
    /// Each category's share of the booked hours against the center's policy bounds.
    case categoryShares = "category-shares"
    /// People trained (人次) and person-hours (人时) per category and organization; SMEs served.
    case people
    /// Teachers' practice hours, enterprise staff teaching hours (兼职), two-teacher sessions.
    case teaching
    /// Pilot-production days per enterprise.
    case pilot
    /// Absences, late arrivals and sessions that did not take place, with reasons.
    case noShows = "no-shows"
}
