import Domain

/// Turns a row's refusal into a report line: the column as the file names it and the sentence in
/// both languages (the rule in Chinese, then the service's own sentence).
enum ImportRowText {
    /// A refusal of the import's own reading; `otherwise`: the Chinese for a rule the table lacks.
    static func error(_ failure: ImportRowFailure, row: Int, otherwise: String? = nil) -> ImportReport.RowError {
        let rule = rules[failure.rule] ?? otherwise ?? "规则 \(failure.rule)"
        return ImportReport.RowError(
            row: row, column: failure.column, rule: failure.rule,
            message: LocalizedText(
                en: "Row \(row), \(failure.column): \(failure.message)",
                zh: "第\(row)行「\(failure.column)」：\(rule)（\(failure.message)）"))
    }

    /// A use case's conflict with what is stored, under the use case's own rule (in Chinese, "in
    /// conflict with the stored data" for a rule the table lacks).
    static func conflict(_ message: String, rule: String, row: Int) -> ImportReport.RowError {
        error(ImportRowFailure(column: "row", rule: rule, message: message), row: row, otherwise: rules["conflict"])
    }

    /// A use case's refusal, its field (`capabilities/0`, `parentId` …) named as the file's column.
    static func error(_ error: DomainError, row: Int, kind: ImportKind) -> ImportReport.RowError {
        Self.error(
            ImportRowFailure(column: column(of: error.field, kind: kind), rule: error.rule, message: error.message),
            row: row)
    }

    private static func column(of field: String, kind: ImportKind) -> String {
        let parts = field.split(separator: "/").map(String.init)
        // a request's `details/courseName` is the file's `course`
        let first = (parts.first == "details" ? parts.dropFirst().first : parts.first) ?? field
        if field.contains("travelMinutes") { return "travel_minutes" }
        let renamed = [
            "parentId": "parent", "organizationId": "organization",
            "availability": kind == .classes ? "free_times" : "availability",
            "cohortId": kind == .upskilling ? "group" : "class", "courseName": "course", "resourceId": "line",
            "courseRequestId": "course", "parts": "theory",
        ]
        let column = renamed[first] ?? snakeCase(first)
        return kind.columns.contains { $0.key == column } ? column : "row"
    }

    /// `weeklyHourCap` as the file's `weekly_hour_cap`.
    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            text += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }

    private static let rules: [String: String] = [
        "required": "必填", "integer": "应为整数", "range": "超出允许范围", "maxLength": "太长", "format": "格式不对",
        "exists": "找不到", "unique": "重复", "conflict": "与已有数据冲突", "enum": "取值无效", "catalogue": "不在能力目录中",
        "weeklyTimes": "时间写法不对", "openingHours": "不在开放时间内", "affiliation": "单位类型不对",
        "immutable": "不能修改", "ambiguous": "有多条同名记录", "date": "日期不对", "tag": "标签格式不对",
        "weekday": "星期写法不对", "oneOf": "只能填其中一项", "full": "名额已满",
        "divides": "总学时不能分成整数次课", "notBeforeStart": "早于开始日期", "afterFrom": "结束须晚于开始",
        "openCourse": "没有开放中的此课程", "equipmentLine": "不是可用的设备线", "category": "该单位不能提交此类申请",
        "taken": "名称已被占用", "numberTaken": "编号已被占用", "editable": "当前状态下不能修改",
        "transition": "当前状态下不能这样变更", "quotaMeanwhile": "配额已被用去",
    ]
}
