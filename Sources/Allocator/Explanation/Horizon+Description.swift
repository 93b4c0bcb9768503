import Dates

extension Horizon {
    /// A day's name: a weekday when weeks have at most 7 days (day 0 is a Monday), else "day N".
    func dayName(_ day: Int) -> Reason {
        guard daysPerWeek <= 7 else { return Reason(english: "day \(day)", chinese: "第\(day)天") }
        let week = days > daysPerWeek ? day / daysPerWeek + 1 : nil
        return Reason(
            english: WeekdayName.english(day % daysPerWeek + 1) + (week.map { " (week \($0))" } ?? ""),
            chinese: (week.map { "第\($0)周" } ?? "") + WeekdayName.chinese(day % daysPerWeek + 1))
    }

    /// Days and part of day of a set of slots, for a person: "on Tue–Thu afternoons" / "周二至周四下午".
    func describe(slots: [Int]) -> Reason {
        let dayList = Array(Set(slots.map(day(of:)))).sorted()
        var english: [String] = []
        var chinese: [String] = []
        var index = 0
        while index < dayList.count {
            var end = index
            while end + 1 < dayList.count && dayList[end + 1] == dayList[end] + 1 { end += 1 }
            let names = (index...end).map { dayName(dayList[$0]) }
            if end > index + 1 {
                english.append("\(names[0].english)–\(names[names.count - 1].english)")
                chinese.append("\(names[0].chinese)至\(names[names.count - 1].chinese)")
            } else {
                english += names.map(\.english)
                chinese += names.map(\.chinese)
            }
            index = end + 1
        }
        let part = partOfDay(slots)
        return Reason(
            english: "on " + english.joined(separator: ", ") + (part.map { " " + $0.english } ?? ""),
            chinese: chinese.joined(separator: "、") + (part?.chinese ?? ""))
    }

    /// "mornings" / "上午" when every slot lies in the first half of its day, "afternoons" / "下午"
    /// when every one lies in the second.
    private func partOfDay(_ slots: [Int]) -> Reason? {
        guard slotsPerDay >= 2 else { return nil }
        let positions = slots.map(slotInDay)
        let half = slotsPerDay / 2
        if positions.allSatisfy({ $0 < half }) { return Reason(english: "mornings", chinese: "上午") }
        if positions.allSatisfy({ $0 >= half }) { return Reason(english: "afternoons", chinese: "下午") }
        return nil
    }
}
