public import Access
import Database
public import Dates
public import Domain
public import Foundation
import Repositories

extension TermService {
    /// The term's teaching weeks with their dates, weeks off and closed days; only the week that
    /// holds `date` when one is given.
    /// - Throws: `.notFound` for an unknown term or one the caller may not read; `.invalid` naming
    ///   `date` (`outsideTerm`) for a date outside the term.
    public func weeks(
        of id: UUID, containing date: CalendarDate? = nil, as caller: Principal
    ) async throws
        -> [TeachingWeek]
    {
        let terms = terms
        return try await database.withConnection { connection in
            guard let term = try terms.find(id: id, on: connection) else { throw ServiceError.notFound(entity: "term") }
            try Policy(caller).authorize(.read, .center(term.centerId), entity: "term")
            let calendar = try CalendarRepository().termCalendar(
                centerId: term.centerId, from: term.firstDay, to: term.lastDay, on: connection)
            let weeks = term.teachingWeeks(calendar: calendar)
            guard let date else { return weeks }
            guard let week = term.week(of: date) else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "date", rule: "outsideTerm",
                        message: "\(date) is outside \(term.name) (\(term.firstDay)–\(term.lastDay))."))
            }
            return [weeks[week - 1]]
        }
    }
}
