import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// Writes a request row of any category through the request use cases: created (a draft, or
    /// submitted when `submit` says yes) when no stored request has the row's key, unchanged when
    /// the stored one has the row's title and details, else edited through the request edit use
    /// case (a draft or submitted one only: after a decision the edit refuses it, `conflict`).
    /// - Parameters:
    ///   - stored: the requests with the row's key; several are `ambiguous` on `keyColumn`.
    ///   - details: the row's details, over the stored request's (`nil` for a new one), so that
    ///     the fields the file does not hold are kept.
    func writeRequest(
        _ row: ImportRow, organization: UUID, title: String, stored: [Request], keyColumn: String, center: UUID,
        details: (RequestDetails?) throws -> RequestDetails, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        guard stored.count <= 1 else {
            throw ImportRowFailure(
                column: keyColumn, rule: "ambiguous",
                message: "The organization has several such requests (\(title)) here; change them on their pages.")
        }
        let service = RequestService(database: database)
        guard let current = stored.first else {
            let input = NewRequest(
                organizationId: organization, title: title, details: try details(nil), submit: row.says("submit"))
            _ = try service.create(input, in: center, as: caller, on: connection)
            return .created
        }
        let wanted = try details(current.details)
        guard wanted != current.details || title != current.title else {
            // an unchanged row is still the caller's to write: the same answer as a changed one
            try Policy(caller).authorize(.change, .work(Work(current)), entity: "request")
            return .unchanged
        }
        _ = try service.edit(
            current.id, RequestEdit(title: title, details: wanted), version: current.version, on: connection,
            as: caller)
        return .updated
    }

    /// The center's requests of `category` asked by `organization` that `match` a row's key.
    func storedRequests(
        _ category: Domain.Category, of organization: UUID, center: UUID, on connection: Connection,
        matching match: (Request) -> Bool
    ) throws -> [Request] {
        try RequestRepository().all(centerId: center, category: category, on: connection).filter {
            $0.organizationId == organization && match($0)
        }
    }
}
