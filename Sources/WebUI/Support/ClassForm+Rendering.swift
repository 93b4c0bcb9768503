import Dates
import Domain
import Foundation

extension ClassForm {
    /// The form a stored class fills: half-day toggles where a free time is exactly one, else exact times.
    static func form(of cohort: Cohort) -> Form {
        var fields: [(String, String)] = [
            ("name", cohort.name), ("size", "\(cohort.size)"), ("version", "\(cohort.version)"),
            ("travel", "\(cohort.availability.travelMinutes)"),
        ]
        if cohort.availability.freeAnyTime { fields.append(("anyTime", "1")) }
        for weekday in 1...7 {
            let times = cohort.availability.freeTimes.filter { $0.weekday == weekday }
            let halves = times.compactMap { time in halfDays.first { $0.from == time.from && $0.to == time.to }?.key }
            if halves.count == times.count {
                fields += halves.map { ("half\(weekday)", $0) }
            } else {
                fields.append(("exact\(weekday)", times.map { "\($0.from)-\($0.to)" }.joined(separator: " ")))
            }
        }
        fields.append(("weeks", cohort.availability.weeks.map(line).joined(separator: "\n")))
        let encoded = fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return Form(encoded: encoded.joined(separator: "&"))
    }

    /// A week as a line of the form: `2026-04-20 企业周 Wed 14:00-17:30`.
    static func line(_ week: ClassAvailability.Week) -> String {
        let spans = week.freeTimes.map { "\(WeekdayName.english($0.weekday)) \($0.from)-\($0.to)" }
        return ([week.weekOf.description] + (week.note.isEmpty ? [] : [week.note]) + spans).joined(separator: " ")
    }

    /// The weekday rows of the template: label, the three toggles, the exact times and their error.
    static func days(_ form: Form, errors: FieldErrors, text: (String) -> String) -> [[String: Any]] {
        (1...7).map { weekday in
            var row: [String: Any] = [
                "day": weekday, "label": text("weekday_\(weekday)"), "exact": form.text("exact\(weekday)"),
                "halves": halfDays.map { half in
                    [
                        "key": half.key, "label": text("classes_\(half.key)"),
                        "checked": form.all("half\(weekday)").contains(half.key),
                    ] as [String: Any]
                },
            ]
            if let error = errors.values["exact\(weekday)"] { row["error"] = error }
            return row
        }
    }

    /// The free times of a class for a person: `Tue 08:00–11:30, Thu 13:30–17:00`, or free any time.
    static func summary(_ availability: ClassAvailability, text: (String) -> String) -> String {
        guard !availability.freeAnyTime else { return text("classes_anyTime") }
        return availability.freeTimes.map { "\(text("weekday_\($0.weekday)")) \($0.from)–\($0.to)" }
            .joined(separator: ", ")
    }
}
