/// The grid of slots a plan covers: `days` days of `slotsPerDay` slots each.
///
/// Slot `s` lies on day `s / slotsPerDay` at position `s % slotsPerDay` of that day. A session never crosses
/// the end of a day. Weeks (for instructors' weekly caps and weekly series) are `daysPerWeek` days long and
/// start on day 0.
public struct Horizon: Sendable, Hashable, Codable {
    /// Number of days in the horizon.
    public var days: Int
    /// Number of slots in one day (48 for half-hour slots over a whole day).
    public var slotsPerDay: Int
    /// Length of a week in days; 7 unless the horizon models a five-day teaching week.
    public var daysPerWeek: Int

    /// Creates a horizon.
    /// - Parameters:
    ///   - days: Number of days.
    ///   - slotsPerDay: Slots per day.
    ///   - daysPerWeek: Days per week, 7 by default.
    public init(days: Int, slotsPerDay: Int, daysPerWeek: Int = 7) {
        self.days = days
        self.slotsPerDay = slotsPerDay
        self.daysPerWeek = daysPerWeek
    }

    /// The longest horizon a problem may have: about ten years.
    public static let maximumDays = 3_700
    /// The most slots a day may have: one a minute.
    public static let maximumSlotsPerDay = 1_440

    /// Total number of slots.
    public var slotCount: Int { days * slotsPerDay }

    /// Number of (possibly partial) weeks.
    public var weekCount: Int { (days + daysPerWeek - 1) / daysPerWeek }

    /// Slots in one week: the period of a weekly series.
    public var slotsPerWeek: Int { daysPerWeek * slotsPerDay }

    /// The day of a slot.
    @inlinable public func day(of slot: Int) -> Int { slot / slotsPerDay }

    /// The position of a slot within its day.
    @inlinable public func slotInDay(_ slot: Int) -> Int { slot % slotsPerDay }

    /// The week of a slot.
    @inlinable public func week(of slot: Int) -> Int { slot / slotsPerWeek }

    /// The slot at `slotInDay` of `day`.
    @inlinable public func slot(day: Int, slotInDay: Int) -> Int { day * slotsPerDay + slotInDay }
}
