import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// The organization a row names in `column` (a school when `schoolsOnly`), or the caller's own
    /// organization when the cell is empty.
    func organization(
        _ row: ImportRow, column: String, schoolsOnly: Bool, on connection: Connection, as caller: Principal
    ) throws -> UUID {
        let name = row[column]
        if name.isEmpty, case .organization(let own) = Policy(caller).organizationScope { return own }
        guard !name.isEmpty else {
            throw ImportRowFailure(column: column, rule: "required", message: "Name the \(column).")
        }
        guard let organization = try OrganizationRepository().find(named: name, on: connection),
            !schoolsOnly || organization.kind.isSchool
        else {
            throw ImportRowFailure(column: column, rule: "exists", message: "No \(column) is named \(name).")
        }
        return organization.id
    }
}
