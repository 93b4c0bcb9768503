public import Dates

/// When a class (a ``Cohort``) can be at the center: its weekly free times from the school's
/// timetable, weeks that differ (by the week's Monday), and its travel time each way.
///
/// A class that is ``freeAnyTime`` has no weekly restriction (every class created before free times
/// existed is one); a listed week still replaces the weekly free times of that week, so an exam
/// week with no free times keeps even such a class away.
public struct ClassAvailability: Sendable, Equatable, Codable {
    /// A span of a weekday when the class is free (local `"HH:MM"` in JSON).
    public struct FreeTime: Sendable, Equatable, Hashable, Codable {
        /// ISO weekday, 1 (Monday) to 7.
        public var weekday: Int
        public var from: ClockTime
        public var to: ClockTime

        public init(weekday: Int, from: ClockTime, to: ClockTime) {
            self.weekday = weekday
            self.from = from
            self.to = to
        }
    }

    /// A week whose free times differ from the weekly ones: no free times means not free that week.
    public struct Week: Sendable, Equatable, Codable {
        /// The week's Monday.
        public var weekOf: CalendarDate
        /// Why it differs (考试周, 企业实习周 …); may be empty.
        public var note: String
        public var freeTimes: [FreeTime]

        public init(weekOf: CalendarDate, note: String = "", freeTimes: [FreeTime] = []) {
            self.weekOf = weekOf
            self.note = note
            self.freeTimes = freeTimes
        }
    }

    /// No weekly restriction: the class is free whenever the center is open (weeks listed aside).
    public var freeAnyTime: Bool
    /// The weekly free times; empty when ``freeAnyTime``.
    public var freeTimes: [FreeTime]
    /// Weeks that differ, by Monday.
    public var weeks: [Week]
    /// Minutes the class needs to reach the center, and again to get back: 0 to 240.
    public var travelMinutes: Int

    public init(freeAnyTime: Bool = true, freeTimes: [FreeTime] = [], weeks: [Week] = [], travelMinutes: Int = 0) {
        self.freeAnyTime = freeAnyTime
        self.freeTimes = freeTimes
        self.weeks = weeks
        self.travelMinutes = travelMinutes
    }

    /// No restriction at all: what existing classes migrate to.
    public static let anyTime = ClassAvailability()

    /// Whether the class is restricted at all.
    public var isRestricted: Bool { !freeAnyTime || !weeks.isEmpty }

    /// The free spans (minutes after midnight) on `date`, whose timetable is that of `weekday` (a 调休
    /// make-up day follows another weekday's); `nil` when the class is free all day.
    public func freeSpans(on date: CalendarDate, weekday: Int) -> [Range<Int>]? {
        let times: [FreeTime]
        if let week = weeks.first(where: { $0.weekOf == date.monday }) {
            times = week.freeTimes
        } else if freeAnyTime {
            return nil
        } else {
            times = freeTimes
        }
        return times.filter { $0.weekday == weekday }.map { $0.from.minutes..<$0.to.minutes }
            .sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether the class can be at the center for `minutes` of `date`: travel there and back included,
    /// the whole of it inside one free span.
    public func allows(_ minutes: Range<Int>, on date: CalendarDate, weekday: Int) -> Bool {
        guard let spans = freeSpans(on: date, weekday: weekday) else { return true }
        let needed = (minutes.lowerBound - travelMinutes)..<(minutes.upperBound + travelMinutes)
        return spans.contains { $0.lowerBound <= needed.lowerBound && needed.upperBound <= $0.upperBound }
    }
}

extension ClassAvailability {
    private enum CodingKeys: String, CodingKey {
        case freeAnyTime, freeTimes, weeks, travelMinutes
    }

    /// Every member may be left out: no free times means free any time, no weeks none, no travel 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        freeTimes = try container.decodeIfPresent([FreeTime].self, forKey: .freeTimes) ?? []
        freeAnyTime = try container.decodeIfPresent(Bool.self, forKey: .freeAnyTime) ?? freeTimes.isEmpty
        weeks = try container.decodeIfPresent([Week].self, forKey: .weeks) ?? []
        travelMinutes = try container.decodeIfPresent(Int.self, forKey: .travelMinutes) ?? 0
    }
}

extension ClassAvailability.Week {
    private enum CodingKeys: String, CodingKey {
        case weekOf, note, freeTimes
    }

    /// `note` and `freeTimes` may be left out (a week with no free times: not free that week).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weekOf = try container.decode(CalendarDate.self, forKey: .weekOf)
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        freeTimes = try container.decodeIfPresent([ClassAvailability.FreeTime].self, forKey: .freeTimes) ?? []
    }
}
