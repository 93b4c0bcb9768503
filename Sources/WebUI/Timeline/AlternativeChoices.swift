import Dates
import Domain
import Foundation

/// The free alternatives beside a clash as one-click choices: each sends the form again with
/// its time (and, for an equivalent resource, its resource) changed.
struct AlternativeChoices {
    let names: [UUID: String]
    let dates: DateText
    let strings: Strings

    /// For templates: `{{#alternatives}}<form>{{#fields}}<input type=hidden …>{{/fields}}{{label}}</form>{{/alternatives}}`.
    /// - Parameter form: the form's fields as typed, sent again with each choice.
    func values(_ alternatives: [BookingAlternative], form: [String: String]) -> [[String: Any]] {
        alternatives.map { alternative in
            var fields = form
            fields["date"] = dates.date(of: alternative.start).description
            fields["from"] = dates.time(alternative.start)
            fields["to"] = dates.time(alternative.end)
            if alternative.kind == .equivalent, let id = alternative.resourceIds.first {
                fields["resource"] = id.uuidString.lowercased()
            }
            let resources = alternative.resourceIds.compactMap { names[$0] }.joined(separator: "、")
            let kind = strings.text("alternative_\(alternative.kind.rawValue)", dates.language)
            return [
                "label": "\(kind): \(resources) \(dates.span(alternative.start, alternative.end))",
                "fields": fields.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] },
            ]
        }
    }
}
