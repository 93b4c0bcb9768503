import Access
import Database
import Domain
import Foundation
import Repositories

extension RequestService {
    /// A student-training request naming a term: checks the term is the center's and the weeks lie
    /// in it, and returns the details with the span of dates the chosen weeks cover. The term is
    /// share-locked so it cannot be deleted or moved before the request is stored. Other details
    /// come back as they are.
    /// - Throws: `.invalid` naming `details/termId` (`exists`) or `details/weeks` (`pattern`,
    ///   `outsideTerm`, `empty`).
    func resolvingTerm(_ details: RequestDetails, centerId: UUID, on connection: Connection) throws -> RequestDetails {
        guard case .studentTraining(let training) = details, let termId = training.termId else { return details }
        guard let term = try TermRepository().find(id: termId, lock: .forShare, on: connection),
            term.centerId == centerId
        else { throw Self.invalid("details/termId", "exists", "The center has no term \(termId).") }
        do throws(DomainError) {
            return .studentTraining(try training.resolved(in: term))
        } catch { throw ServiceError.invalid(error) }
    }
}
