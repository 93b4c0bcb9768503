import Access
import Dates
import Domain
import Foundation
import Service

extension SchoolPages {
    /// The weeks typed into the school's form: with a term chosen, `weeks` is a pattern of its
    /// teaching weeks (`1-16`, `3-8,11-16`, `单周`) and the start date is the term's (the service
    /// sets the span); without one, a number of weeks from the start date.
    /// - Returns: the details' `weeks`, `startDate`, `termId` and `teachingWeeks`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `details/weeks` or `details/startDate`.
    static func weeks(
        from form: Form, terms: [Term]
    ) throws -> (weeks: Int, startDate: CalendarDate, termId: UUID?, teachingWeeks: WeeksPattern?) {
        if let term = terms.first(where: { $0.id.uuidString.lowercased() == form.text("term").lowercased() }) {
            return (1, term.firstDay, term.id, WeeksPattern(form.text("weeks")))
        }
        return (
            try BookingForm.number(form.text("weeks"), field: "details/weeks") ?? 0,
            try form.date("startDate", field: "details/startDate"), nil, nil
        )
    }

    /// The term a new request names by default: the first that has not ended at `today`.
    static func defaultTerm(_ terms: [Term], today: CalendarDate) -> Term? {
        terms.first { $0.lastDay >= today } ?? terms.last
    }

    /// The term select's options, `chosen` selected; the last option is "no term".
    static func termOptions(_ terms: [Term], chosen: String) -> [[String: Any]] {
        terms.map { term in
            [
                "value": term.id.uuidString.lowercased(), "selected": term.id.uuidString.lowercased() == chosen,
                "label": "\(term.name) (\(term.firstDay)–\(term.lastDay), \(term.weeks))",
            ]
        }
    }
}
