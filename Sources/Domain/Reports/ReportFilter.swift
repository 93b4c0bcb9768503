public import Dates
public import Foundation

/// What a report counts: the sessions starting on the days `from` through `to` (both included,
/// in the center's time zone), of one organization and one category when given.
public struct ReportFilter: Sendable, Hashable, Codable {
    /// The longest period a report covers: five years.
    public static let maxDays = 5 * 366

    public var from: CalendarDate
    public var to: CalendarDate
    public var organizationId: UUID?
    public var category: Category?

    /// - Throws: ``DomainError``: `range` on a date outside the years 2000–2999 (the instants
    ///   Praxis schedules); on `to`, `afterFrom` when it is before `from`, `period` when the period
    ///   spans more than five years.
    public init(
        from: CalendarDate, to: CalendarDate, organizationId: UUID? = nil, category: Category? = nil
    )
        throws(DomainError)
    {
        for (field, day) in [("from", from), ("to", to)] where !(2000...2999).contains(day.year) {
            throw DomainError(
                field: field, rule: "range", message: "The \(field) must lie between the years 2000 and 2999.")
        }
        guard from <= to else {
            throw DomainError(
                field: "to", rule: "afterFrom", message: "The period must not end (\(to)) before it starts (\(from)).")
        }
        guard to.daysSinceEpoch - from.daysSinceEpoch < Self.maxDays else {
            throw DomainError(
                field: "to", rule: "period",
                message: "The period from \(from) to \(to) is longer than five years; ask for a shorter one.")
        }
        self.from = from
        self.to = to
        self.organizationId = organizationId
        self.category = category
    }

    /// The same period and category, for every organization.
    public var allOrganizations: ReportFilter {
        var filter = self
        filter.organizationId = nil
        return filter
    }
}
