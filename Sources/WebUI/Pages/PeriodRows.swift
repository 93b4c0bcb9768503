import Dates
import Domain

/// The bell periods page's rows: one per period, with the weekdays it runs on (`1,2,3,4,5`);
/// rows of the same weekdays, in the order they first appear, make one ``PeriodSet``. Form
/// fields: `p_<row>_days|number|label|start|end`.
struct PeriodRows {
    struct Row {
        var days = "1,2,3,4,5"
        var number = ""
        var label = ""
        var start = ""
        var end = ""

        var isBlank: Bool { number.isEmpty && label.isEmpty && start.isEmpty && end.isEmpty }
    }

    var rows: [Row]

    /// The rows of a stored schedule.
    init(_ schedule: PeriodSchedule) {
        rows = schedule.sets.flatMap { set in
            set.periods.map {
                Row(
                    days: set.weekdays.map(String.init).joined(separator: ","), number: String($0.number),
                    label: $0.label, start: $0.start.description, end: $0.end.description)
            }
        }
    }

    /// The rows typed into the form (blank rows left out).
    init(_ form: Form) {
        rows = Array(
            (0...).lazy.prefix { form["p_\($0)_days"] != nil }.map { index in
                Row(
                    days: form.text("p_\(index)_days"), number: form.text("p_\(index)_number"),
                    label: form.text("p_\(index)_label"), start: form.text("p_\(index)_start"),
                    end: form.text("p_\(index)_end"))
            }.filter { !$0.isBlank })
    }

    /// The rows' sets, each row's index remembered for ``formField(_:)``.
    private var grouped: [(days: String, rows: [Int])] {
        var groups: [(days: String, rows: [Int])] = []
        for (index, row) in rows.enumerated() {
            if let group = groups.firstIndex(where: { $0.days == row.days }) {
                groups[group].rows.append(index)
            } else {
                groups.append((row.days, [index]))
            }
        }
        return groups
    }

    /// The schedule the rows stand for.
    /// - Throws: ``DomainError`` naming the form field (`p_<row>_number|start|end`) of a number or
    ///   time that does not parse.
    func schedule() throws(DomainError) -> PeriodSchedule {
        var sets: [PeriodSet] = []
        for group in grouped {
            var periods: [Period] = []
            for index in group.rows {
                let row = rows[index]
                guard let number = Int(row.number) else {
                    throw DomainError(field: "p_\(index)_number", rule: "type", message: "Enter a whole number.")
                }
                guard let start = ClockTime(text: row.start) else {
                    throw DomainError(field: "p_\(index)_start", rule: "time", message: "Enter a time such as 08:00.")
                }
                guard let end = ClockTime(text: row.end) else {
                    throw DomainError(field: "p_\(index)_end", rule: "time", message: "Enter a time such as 08:45.")
                }
                periods.append(Period(number: number, label: row.label, start: start, end: end))
            }
            sets.append(PeriodSet(weekdays: group.days.split(separator: ",").compactMap { Int($0) }, periods: periods))
        }
        return PeriodSchedule(sets: sets)
    }

    /// The form field of a field of the schedule: `sets/s/periods/p/end` → `p_<row>_end`; a whole
    /// period (overlap, opening hours) → its start; a set's weekdays → its first row's days.
    func formField(_ field: String) -> String? {
        let parts = field.split(separator: "/").map(String.init)
        let groups = grouped
        guard parts.count >= 3, parts[0] == "sets", let set = Int(parts[1]), set < groups.count else { return nil }
        if parts[2] == "weekdays" { return "p_\(groups[set].rows[0])_days" }
        guard parts[2] == "periods", parts.count >= 4, let period = Int(parts[3]), period < groups[set].rows.count
        else { return nil }
        return "p_\(groups[set].rows[period])_\(parts.count > 4 ? parts[4] : "start")"
    }

    /// The weekday choices of a row: the usual groups, each day alone, and `selected` if it is none of them.
    static func dayChoices(selected: String) -> [String] {
        let usual = ["1,2,3,4,5", "6,7", "1,2,3,4,5,6,7"] + (1...7).map(String.init)
        return usual.contains(selected) || selected.isEmpty ? usual : usual + [selected]
    }

    /// How a choice of weekdays reads: "Mon–Fri", "Sat, Sun", or the days' names.
    static func dayLabel(_ choice: String, text: (String) -> String) -> String {
        switch choice {
        case "1,2,3,4,5": text("periods_weekdays")
        case "6,7": text("periods_weekend")
        case "1,2,3,4,5,6,7": text("periods_everyDay")
        default: choice.split(separator: ",").map { text("weekday_\($0)") }.joined(separator: " ")
        }
    }
}
