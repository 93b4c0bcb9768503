/// What a CSV file imports. A new kind is a case, its columns and its row reader
/// (`ImportService+<Kind>.swift`); the route, the page, the CLI and the template follow.
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case resources
    case instructors
    case classes
    case holidays
    case requests
    case upskilling
    case seats
    case pilotRuns = "pilot_runs"
    case participants

    /// One column of a kind's file: its key (the English header), the Chinese header, whether a
    /// row must fill it, and what it holds (for the template and the docs).
    public struct Column: Sendable, Equatable {
        public let key: String
        public let chinese: String
        public let required: Bool

        init(_ key: String, _ chinese: String, required: Bool = false) {
            self.key = key
            self.chinese = chinese
            self.required = required
        }
    }

    /// The kind's columns, in the template's order.
    public var columns: [Column] {
        switch self {
        case .resources:
            [
                Column("name", "名称", required: true), Column("kind", "类型", required: true),
                Column("seats", "座位数", required: true), Column("capabilities", "能力"), Column("parent", "所属"),
            ]
        case .instructors:
            [
                Column("name", "姓名", required: true), Column("organization", "所属单位", required: true),
                Column("post_type", "岗位类型"), Column("weekly_hour_cap", "每周课时上限", required: true),
                Column("skills", "技能"), Column("availability", "可授课时间"),
            ]
        case .classes:
            [
                Column("school", "学校"), Column("name", "班级", required: true), Column("size", "人数", required: true),
                Column("free_times", "空闲时间"), Column("travel_minutes", "路程分钟"),
            ]
        case .holidays:
            [
                Column("date", "日期", required: true), Column("kind", "类别", required: true),
                Column("holiday", "节日", required: true), Column("follows_weekday", "按星期几上课"),
            ]
        case .requests:
            [
                Column("organization", "单位"), Column("title", "名称", required: true),
                Column("class", "班级", required: true), Column("course", "课程", required: true),
                Column("sessions_per_week", "每周次数", required: true), Column("weeks", "周数", required: true),
                Column("start_date", "开始日期", required: true), Column("session_minutes", "每次分钟"),
                Column("session_periods", "每次节数"), Column("capability", "能力", required: true),
                Column("students_per_station", "每工位人数"), Column("instructor_skills", "教师技能"),
                Column("preferred_weekdays", "希望星期"), Column("submit", "提交"),
            ]
        case .upskilling:
            [
                Column("organization", "单位"), Column("title", "名称"), Column("course", "课程", required: true),
                Column("participants", "人数", required: true), Column("skill", "技能", required: true),
                Column("total_hours", "总学时", required: true), Column("session_minutes", "每次分钟", required: true),
                Column("earliest", "最早日期", required: true), Column("latest", "最晚日期", required: true),
                Column("allowed_times", "可上课时间"), Column("group", "班组"), Column("training_type", "培训类型"),
                Column("theory", "理论课"), Column("submit", "提交"),
            ]
        case .seats:
            [
                Column("organization", "单位"), Column("course", "课程", required: true),
                Column("seats", "名额", required: true), Column("preferred_weekdays", "希望星期"),
                Column("submit", "提交"),
            ]
        case .pilotRuns:
            [
                Column("organization", "单位"), Column("title", "名称", required: true), Column("line", "设备线"),
                Column("capability", "能力"), Column("days", "天数", required: true),
                Column("earliest_start", "最早开始", required: true), Column("latest_start", "最晚开始", required: true),
                Column("changeover_before_minutes", "前置换线分钟"), Column("changeover_after_minutes", "后置换线分钟"),
                Column("submit", "提交"),
            ]
        case .participants:
            [
                Column("request", "申请", required: true), Column("name", "姓名", required: true),
                Column("number", "工号"), Column("phone", "电话"),
            ]
        }
    }

    /// Whether only the center's managers import the kind (the others are authorized row by row,
    /// by the organization each row names).
    var isCenterManagers: Bool { self == .resources || self == .instructors }

    /// The template a person fills in: the English header (Chinese names are accepted too).
    public var template: CSVFile { CSVFile(header: columns.map(\.key), rows: []) }
}
