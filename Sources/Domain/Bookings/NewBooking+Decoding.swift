public import Dates
public import Foundation

extension NewBooking {
    enum CodingKeys: String, CodingKey {
        case organizationId, requestId, category, title, start, end, resources, instructorId, participants, cohortIds
        case date, fromPeriod, toPeriod
    }

    /// Decodes a booking whose time is `start` and `end`, or `date`, `fromPeriod` and `toPeriod`
    /// (bell periods; `toPeriod` defaults to `fromPeriod`). Given in periods, `start` and `end` stay
    /// at ``periodsPending`` until the booking service resolves them at the center.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let periods = try container.decodeIfPresent(CalendarDate.self, forKey: .date).map { date in
            let from = try container.decode(Int.self, forKey: .fromPeriod)
            return BookedPeriods(
                date: date, fromPeriod: from,
                toPeriod: try container.decodeIfPresent(Int.self, forKey: .toPeriod) ?? from)
        }
        let time = { (key: CodingKeys) throws -> Date in
            try periods == nil
                ? container.decode(Date.self, forKey: key)
                : container.decodeIfPresent(Date.self, forKey: key) ?? Self.periodsPending
        }
        self.init(
            organizationId: try container.decode(UUID.self, forKey: .organizationId),
            requestId: try container.decodeIfPresent(UUID.self, forKey: .requestId),
            category: try container.decode(Category.self, forKey: .category),
            title: try container.decode(String.self, forKey: .title),
            start: try time(.start), end: try time(.end),
            resources: try container.decode([Booking.Use].self, forKey: .resources),
            instructorId: try container.decodeIfPresent(UUID.self, forKey: .instructorId),
            participants: try container.decodeIfPresent(Int.self, forKey: .participants),
            cohortIds: try container.decodeIfPresent([UUID].self, forKey: .cohortIds),
            periods: periods)
    }

    /// The `start` and `end` of a booking given in periods before they are resolved.
    public static let periodsPending = Date(timeIntervalSince1970: 0)

    /// The booking at the times its periods stand for at a center.
    /// - Parameters: see ``BookedPeriods/interval(in:weekday:timeZone:)``.
    /// - Throws: ``DomainError``: rule `oneOf` on `date` when start or end is given too; rule
    ///   `periods` when the periods do not exist that day.
    public func resolvingPeriods(
        in schedule: PeriodSchedule, weekday: (CalendarDate) -> Int, timeZone: TimeZone
    ) throws(DomainError) -> NewBooking {
        guard let periods else { return self }
        guard start == Self.periodsPending, end == Self.periodsPending else {
            throw DomainError(
                field: "date", rule: "oneOf",
                message: "A booking's time is start and end, or date, fromPeriod and toPeriod, not both.")
        }
        var resolved = self
        (resolved.start, resolved.end) = try periods.interval(
            in: schedule, weekday: weekday(periods.date), timeZone: timeZone)
        return resolved
    }
}
