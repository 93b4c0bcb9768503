import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// A named participant of an upskilling or shared-employee request, keyed by the request and
    /// the employee number (the name when the row has none): named through
    /// ``ParticipantService/addParticipant(_:to:as:)``, so by the request's organization only. A
    /// person already named is unchanged when the row says the same, and refused when it differs
    /// (take them off on the roster page and name them again).
    func importParticipant(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let request = try namedRequest(row, center: centerId, on: connection, as: caller)
        let input = NewParticipant(name: try row.required("name"), number: row["number"], phone: row["phone"])
        let person = try ParticipantService.validated(input)
        let named = try ParticipantRepository().list(requestId: request.id, on: connection)
        let same = named.first { stored in
            person.number.map { stored.number == $0 } ?? (stored.number == nil && stored.name == person.name)
        }
        guard let same else {
            _ = try ParticipantService(database: database).addParticipant(
                person, to: request.id, on: connection, as: caller)
            return .created
        }
        try Policy(caller).authorize(.change, .people(organizationId: request.organizationId), entity: "request")
        guard same.name == person.name, same.phone == person.phone else {
            throw ImportRowFailure(
                column: "name", rule: "conflict",
                message:
                    "\(same.name) (\(same.number ?? "")) is named already with other details; change them on the roster page."
            )
        }
        return .unchanged
    }

    /// The request a row names in `request`: its id, or its title among the center's requests the
    /// caller lists (a coordinator: their organization's).
    private func namedRequest(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> Request {
        let text = try row.required("request")
        let requests = RequestRepository()
        if let id = UUID(uuidString: text) {
            guard let request = try requests.find(id: id, on: connection), request.centerId == centerId else {
                throw ImportRowFailure(column: "request", rule: "exists", message: "The center has no request \(text).")
            }
            return request
        }
        let organizationId: UUID? =
            if case .organization(let id) = try Policy(caller).requestScope(at: centerId) { id } else { nil }
        let titled = try [Domain.Category.employeeUpskilling, .sharedEmployee].flatMap { category in
            try requests.all(centerId: centerId, category: category, on: connection).filter {
                $0.title == text && (organizationId == nil || $0.organizationId == organizationId)
            }
        }
        guard titled.count <= 1 else {
            throw ImportRowFailure(
                column: "request", rule: "ambiguous", message: "Several requests are titled \(text); give its id.")
        }
        guard let request = titled.first else {
            throw ImportRowFailure(
                column: "request", rule: "exists",
                message: "No upskilling or shared-employee request is titled \(text).")
        }
        return request
    }
}
