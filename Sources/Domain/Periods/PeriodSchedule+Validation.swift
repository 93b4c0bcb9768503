import Dates

extension PeriodSchedule {
    /// Checks every set against the rules of a day and the center's opening hours, naming the field
    /// of the first bad entry: weekdays 1–7 in one set each; numbers 1–99, once per set and rising
    /// with the time of day; a label; each period ending after it starts, overlapping no other and
    /// lying inside one opening span of each of its weekdays (when the center has weekly hours).
    /// - Returns: the schedule with trimmed labels and each set's periods earliest first.
    public func validated(openingHours: [OpeningHours]) throws(DomainError) -> PeriodSchedule {
        var claimed: Set<Int> = []
        var sets: [PeriodSet] = []
        for (index, set) in self.sets.enumerated() {
            let field = "sets/\(index)"
            guard !set.weekdays.isEmpty else {
                throw DomainError(field: "\(field)/weekdays", rule: "required", message: "A set names its weekdays.")
            }
            for (position, weekday) in set.weekdays.enumerated() {
                _ = try Validate.range(weekday, 1...7, field: "\(field)/weekdays/\(position)")
                guard claimed.insert(weekday).inserted else {
                    throw DomainError(
                        field: "\(field)/weekdays/\(position)", rule: "unique",
                        message: "Weekday \(weekday) is in two sets; each weekday follows one set of periods.")
                }
            }
            let periods = try Self.validated(set.periods, field: field)
            try Self.check(periods, weekdays: set.weekdays, inside: openingHours, field: field, order: set.periods)
            sets.append(PeriodSet(weekdays: set.weekdays.sorted(), periods: periods))
        }
        return PeriodSchedule(version: version, sets: sets)
    }

    /// One set's periods: each checked alone, then against each other; returned earliest first.
    private static func validated(_ periods: [Period], field: String) throws(DomainError) -> [Period] {
        guard !periods.isEmpty else {
            throw DomainError(field: "\(field)/periods", rule: "required", message: "A set has at least one period.")
        }
        var checked: [(index: Int, period: Period)] = []
        for (index, period) in periods.enumerated() {
            let at = "\(field)/periods/\(index)"
            _ = try Validate.range(period.number, 1...99, field: "\(at)/number")
            let label = try Validate.name(period.label, field: "\(at)/label")
            guard period.start < period.end else {
                throw DomainError(
                    field: "\(at)/end", rule: "afterStart",
                    message: "Period \(period.number) must end (\(period.end)) after it starts (\(period.start)).")
            }
            if let other = checked.first(where: { $0.period.number == period.number }) {
                throw DomainError(
                    field: "\(at)/number", rule: "unique",
                    message: "Period number \(period.number) is used twice (entries \(other.index) and \(index)).")
            }
            if let other = checked.first(where: { $0.period.minutes.overlaps(period.minutes) }) {
                throw DomainError(
                    field: at, rule: "overlap",
                    message:
                        "Period \(period.number) (\(period.start)–\(period.end)) overlaps period \(other.period.number) (\(other.period.start)–\(other.period.end))."
                )
            }
            checked.append((index, Period(number: period.number, label: label, start: period.start, end: period.end)))
        }
        let sorted = checked.sorted { $0.period.start < $1.period.start }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.period.number < earlier.period.number {
            throw DomainError(
                field: "\(field)/periods/\(later.index)/number", rule: "order",
                message:
                    "Period \(later.period.number) starts after period \(earlier.period.number); numbers rise with the time of day."
            )
        }
        return sorted.map(\.period)
    }

    /// Every period lies inside one opening span of each weekday of its set, when the center has
    /// weekly opening hours (without them it is open all day).
    private static func check(
        _ periods: [Period], weekdays: [Int], inside openingHours: [OpeningHours], field: String, order: [Period]
    ) throws(DomainError) {
        guard !openingHours.isEmpty else { return }
        for weekday in weekdays {
            let spans = openingHours.filter { $0.weekday == weekday }
            for period in periods where !spans.contains(where: { $0.opens <= period.start && period.end <= $0.closes })
            {
                let index = order.firstIndex { $0.number == period.number } ?? 0
                let hours = spans.map { "\($0.opens)–\($0.closes)" }.joined(separator: ", ")
                throw DomainError(
                    field: "\(field)/periods/\(index)", rule: "openingHours",
                    message: spans.isEmpty
                        ? "Period \(period.number) falls on weekday \(weekday), when the center does not open."
                        : "Period \(period.number) (\(period.start)–\(period.end)) lies outside the opening hours of weekday \(weekday): \(hours)."
                )
            }
        }
    }
}
