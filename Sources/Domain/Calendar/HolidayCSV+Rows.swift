import Dates
import Foundation

extension HolidayCSV {
    /// The cells of a line, spaces and surrounding double quotes removed.
    static func cells(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map {
            var cell = $0.trimmingCharacters(in: .whitespaces)
            if cell.count >= 2, cell.hasPrefix("\""), cell.hasSuffix("\"") {
                cell = String(cell.dropFirst().dropLast())
            }
            return cell
        }
    }

    /// One row as a day; a make-up day without `follows_weekday` has none yet.
    static func row(_ cells: [String], line: Int) -> Result<CalendarDay, RowError> {
        func refuse(_ column: String, _ rule: String, _ message: String) -> Result<CalendarDay, RowError> {
            .failure(RowError(line: line, column: column, rule: rule, message: message))
        }
        guard (3...4).contains(cells.count) else {
            return refuse("row", "columns", "A row has 3 or 4 cells (date,kind,holiday[,follows_weekday]).")
        }
        guard let date = CalendarDate(iso: cells[0]) else {
            return refuse("date", "format", "'\(cells[0])' is not a date YYYY-MM-DD.")
        }
        let kinds: [String: CalendarDay.Kind] = ["holiday": .publicHoliday, "makeup_workday": .makeupWorkday]
        guard let kind = kinds[cells[1]] else {
            return refuse("kind", "enum", "'\(cells[1])' is neither holiday nor makeup_workday.")
        }
        let name: String
        do throws(DomainError) { name = try Validate.name(cells[2], field: "holiday") } catch {
            return refuse("holiday", error.rule, error.message)
        }
        var follows: Int?
        if cells.count == 4, !cells[3].isEmpty {
            guard kind == .makeupWorkday else {
                return refuse("follows_weekday", "holidayOnly", "A holiday follows no weekday's timetable.")
            }
            guard let weekday = Int(cells[3]), (1...7).contains(weekday) else {
                return refuse("follows_weekday", "range", "'\(cells[3])' is not a weekday 1 (Monday) to 7 (Sunday).")
            }
            follows = weekday
        }
        return .success(CalendarDay(date: date, kind: kind, name: name, followsWeekday: follows))
    }

    /// Gives every make-up day without a weekday the rule's, and refuses dates listed twice.
    mutating func resolveMakeupDays(_ parsed: [(line: Int, day: CalendarDay)], rule: MakeupRule?) {
        let holidays = parsed.map(\.day).filter { $0.kind == .publicHoliday }
        var seen: Set<CalendarDate> = []
        for (line, var day) in parsed {
            guard seen.insert(day.date).inserted else {
                errors.append(
                    RowError(line: line, column: "date", rule: "unique", message: "\(day.date) is listed twice."))
                continue
            }
            if day.kind == .makeupWorkday, day.followsWeekday == nil {
                guard let rule else {
                    errors.append(
                        RowError(
                            line: line, column: "follows_weekday", rule: "required",
                            message:
                                "Say which weekday's timetable \(day.date) runs, or choose a rule for make-up days."))
                    continue
                }
                guard let weekday = rule.weekday(for: day, holidays: holidays) else {
                    errors.append(
                        RowError(
                            line: line, column: "follows_weekday", rule: "noHoliday",
                            message: "No weekday holiday named \(day.name) is listed for \(day.date) to follow."))
                    continue
                }
                day.followsWeekday = weekday
            }
            days.append(day)
        }
        errors.sort { $0.line < $1.line }
        days.sort { $0.date < $1.date }
    }
}
