extension Horizon {
    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// A day's name: a weekday when weeks have at most 7 days (day 0 is a Monday), else "day N".
    func dayName(_ day: Int) -> String {
        daysPerWeek <= 7
            ? Self.weekdayNames[day % daysPerWeek] + (days > daysPerWeek ? " (week \(day / daysPerWeek + 1))" : "")
            : "day \(day)"
    }

    /// Days and part of day of a set of slots, for a person: "Tue–Thu afternoons", "Mon, Wed mornings".
    func describe(slots: [Int]) -> String {
        let dayList = Array(Set(slots.map(day(of:)))).sorted()
        var parts: [String] = []
        var index = 0
        while index < dayList.count {
            var end = index
            while end + 1 < dayList.count && dayList[end + 1] == dayList[end] + 1 { end += 1 }
            parts.append(
                end > index + 1
                    ? "\(dayName(dayList[index]))–\(dayName(dayList[end]))"
                    : (index...end).map { dayName(dayList[$0]) }.joined(separator: ", ")
            )
            index = end + 1
        }
        let positions = slots.map(slotInDay)
        let half = slotsPerDay / 2
        let partOfDay =
            slotsPerDay < 2
            ? ""
            : positions.allSatisfy { $0 < half }
                ? " mornings"
                : positions.allSatisfy { $0 >= half } ? " afternoons" : ""
        return "on " + parts.joined(separator: ", ") + partOfDay
    }
}
