public import Dates

extension ClassAvailability {
    /// Free times for a person, e.g. `Tue 08:00–11:30 and Thu 13:30–17:00` /
    /// `周二08:00–11:30、周四13:30–17:00`; `nothing` / `无` when none.
    public static func describe(_ times: [FreeTime]) -> LocalizedText {
        let sorted = times.sorted { ($0.weekday, $0.from) < ($1.weekday, $1.from) }
        guard !sorted.isEmpty else { return LocalizedText(en: "nothing", zh: "无") }
        let english = sorted.map { "\(WeekdayName.english($0.weekday)) \($0.from)–\($0.to)" }
        let chinese = sorted.map { "\(WeekdayName.chinese($0.weekday))\($0.from)–\($0.to)" }
        return LocalizedText(
            en: english.count == 1 ? english[0] : english.dropLast().joined(separator: ", ") + " and " + english.last!,
            zh: chinese.joined(separator: "、"))
    }

    /// When the class is free in the week of `monday`, for a person: `free on Tue 08:00–11:30 only`,
    /// `free on … only in the week of 2026-06-29 (考试周)`, `not free in the week of …` (and in
    /// Chinese); `nil` when free any time.
    public func sentence(weekOf monday: CalendarDate) -> LocalizedText? {
        if let week = weeks.first(where: { $0.weekOf == monday }) {
            let (note, chineseNote) = week.note.isEmpty ? ("", "") : (" (\(week.note))", "（\(week.note)）")
            let times = Self.describe(week.freeTimes)
            return week.freeTimes.isEmpty
                ? LocalizedText(
                    en: "is not free in the week of \(monday)\(note)", zh: "在\(monday)当周没有空闲时间\(chineseNote)")
                : LocalizedText(
                    en: "is free on \(times.en) only in the week of \(monday)\(note)",
                    zh: "在\(monday)当周仅\(times.zh)有空\(chineseNote)")
        }
        guard !freeAnyTime else { return nil }
        let times = Self.describe(freeTimes)
        return LocalizedText(en: "is free on \(times.en) only", zh: "仅\(times.zh)有空")
    }
}
