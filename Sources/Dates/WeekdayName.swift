/// A weekday's short name as people read it, by ISO number (1 = Monday … 7 = Sunday): the one list
/// of names that explanations, free times and forms share.
public enum WeekdayName {
    private static let english = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

    /// "Mon" … "Sun"; an ISO weekday outside 1…7 wraps around the week.
    public static func english(_ isoWeekday: Int) -> String { english[index(isoWeekday)] }

    /// "周一" … "周日"; an ISO weekday outside 1…7 wraps around the week.
    public static func chinese(_ isoWeekday: Int) -> String { chinese[index(isoWeekday)] }

    private static func index(_ isoWeekday: Int) -> Int { ((isoWeekday - 1) % 7 + 7) % 7 }
}
