/// What a CSV file imports. Participants come with rosters (after the attendance work): add a
/// case, its columns and its row reader (`ImportService+<Kind>.swift`), and every edge follows.
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case resources
    case instructors
    case classes
    case holidays

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
        }
    }

    /// The template a person fills in: the English header (Chinese names are accepted too).
    public var template: CSVFile { CSVFile(header: columns.map(\.key), rows: []) }
}
