public import Dates
public import Foundation

/// An instant as a notice prints it: the wall-clock time of the center's time zone, in each of
/// the readers' languages (`2026年3月2日（周一）08:00`, `Mon 2 Mar 2026, 08:00`).
public enum NoticeTime {
    private static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let chineseWeekdays = ["一", "二", "三", "四", "五", "六", "日"]
    private static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// `instant` at the center whose time zone is `zone`.
    public static func text(_ instant: Date, in zone: TimeZone) -> LocalizedText {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        let time = String(format: "%02d:%02d", parts.hour!, parts.minute!)
        let day = text(date)
        return LocalizedText(en: "\(day.en), \(time)", zh: "\(day.zh) \(time)")
    }

    /// A calendar date in both languages (`2026年3月2日（周一）`, `Mon 2 Mar 2026`).
    public static func text(_ date: CalendarDate) -> LocalizedText {
        let weekday = date.isoWeekday - 1
        return LocalizedText(
            en: "\(englishWeekdays[weekday]) \(date.day) \(englishMonths[date.month - 1]) \(date.year)",
            zh: "\(date.year)年\(date.month)月\(date.day)日（周\(chineseWeekdays[weekday])）")
    }
}
