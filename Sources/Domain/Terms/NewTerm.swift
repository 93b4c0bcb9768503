public import Dates

/// What a manager sends to create or replace a term.
public struct NewTerm: Sendable, Equatable, Codable {
    public var name: String
    public var firstDay: CalendarDate
    public var weeks: Int
    public var weeksOff: [WeekOff]

    public init(name: String, firstDay: CalendarDate, weeks: Int, weeksOff: [WeekOff] = []) {
        self.name = name
        self.firstDay = firstDay
        self.weeks = weeks
        self.weeksOff = weeksOff
    }

    enum CodingKeys: String, CodingKey { case name, firstDay, weeks, weeksOff }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        firstDay = try container.decode(CalendarDate.self, forKey: .firstDay)
        weeks = try container.decode(Int.self, forKey: .weeks)
        weeksOff = try container.decodeIfPresent([WeekOff].self, forKey: .weeksOff) ?? []
    }

    /// Checks the term: a name, a Monday as first day, 1–30 weeks, each week off inside the term,
    /// named, and listed once. Returns the term with trimmed names and weeks off in order.
    /// - Throws: ``DomainError`` naming `firstDay` (`monday`), `weeks` (`range`),
    ///   `weeksOff/i/week` (`outsideTerm`, `unique`) or a name.
    public func validated() throws(DomainError) -> NewTerm {
        let name = try Validate.name(name, field: "name")
        guard firstDay.isoWeekday == 1 else {
            throw DomainError(
                field: "firstDay", rule: "monday",
                message: "A term starts on the Monday of its first week; \(firstDay) is not a Monday. "
                    + "Maybe use \(firstDay.monday).")
        }
        _ = try Validate.range(weeks, 1...30, field: "weeks")
        var seen: Set<Int> = []
        var off: [WeekOff] = []
        for (index, week) in weeksOff.enumerated() {
            guard (1...weeks).contains(week.week) else {
                throw DomainError(
                    field: "weeksOff/\(index)/week", rule: "outsideTerm",
                    message: "Week \(week.week) is outside the term's weeks 1–\(weeks).")
            }
            guard seen.insert(week.week).inserted else {
                throw DomainError(
                    field: "weeksOff/\(index)/week", rule: "unique", message: "Week \(week.week) is listed twice.")
            }
            off.append(WeekOff(week: week.week, name: try Validate.name(week.name, field: "weeksOff/\(index)/name")))
        }
        return NewTerm(name: name, firstDay: firstDay, weeks: weeks, weeksOff: off.sorted { $0.week < $1.week })
    }
}
