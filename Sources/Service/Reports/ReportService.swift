public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// A center's reports (see ``Domain/ReportKind``), read in one snapshot: authorized and redacted by
/// ``Access/Policy/reportReach(centerId:)``: a coordinator's report is its own organization's,
/// each section's total followed by the center's (``Domain/ReportRow/centerTotalKey``); pilot
/// production per enterprise only to the center's managers and that enterprise.
public struct ReportService: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The report `kind` of a center for `filter`.
    /// - Throws: `.notFound` (center), `.forbidden`, `.invalid` (`organization` `unknown`).
    public func report(
        _ kind: ReportKind, at centerId: UUID, filter: ReportFilter, as caller: Principal
    ) async throws
        -> Report
    {
        try await database.reading(isolation: .repeatableRead) { connection in
            try connection.planForParameterValues()
            return try Self.report(kind, at: centerId, filter: filter, as: caller, on: connection)
        }
    }

    /// ``report(_:at:filter:as:)`` inside the caller's transaction; `brief` leaves out what no total
    /// needs (the heat map, the people per organization, the hours per instructor).
    static func report(
        _ kind: ReportKind, at centerId: UUID, filter: ReportFilter, as caller: Principal, brief: Bool = false,
        on connection: Connection
    ) throws -> Report {
        guard try CenterRepository().find(id: centerId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        let policy = Policy(caller)
        let reach = try policy.reportReach(centerId: centerId)
        if let organizationId = filter.organizationId {
            guard try OrganizationRepository().find(id: organizationId, on: connection) != nil else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "organization", rule: "unknown", message: "No organization has the id \(organizationId)."
                    ))
            }
        }
        var sections: [ReportSection]
        switch reach {
        case .all:
            sections = try Self.sections(kind, centerId: centerId, filter: filter, brief: brief, on: connection)
        case .organization(let own):
            if let asked = filter.organizationId, asked != own {
                throw ServiceError.forbidden(
                    "A coordinator reads the reports of its own organization.", rule: "ownReports")
            }
            var ownFilter = filter
            ownFilter.organizationId = own
            sections = try Self.sections(kind, centerId: centerId, filter: ownFilter, brief: brief, on: connection)
            let center = try Self.sections(
                kind, centerId: centerId, filter: filter.allOrganizations, brief: brief, on: connection)
            for index in sections.indices {
                if let total = center[index].total {
                    sections[index].rows.append(total.rekeyed(ReportRow.centerTotalKey))
                }
            }
        }
        if kind == .pilot {
            for index in sections.indices {
                sections[index].rows.removeAll {
                    $0.organizationId.map { !policy.seesPilotDetail(of: $0, centerId: centerId) } ?? false
                }
            }
        }
        return Report(kind: kind, filter: filter, sections: sections)
    }

    /// The report's sections, unredacted.
    static func sections(
        _ kind: ReportKind, centerId: UUID, filter: ReportFilter, brief: Bool = false, on connection: Connection
    ) throws
        -> [ReportSection]
    {
        let reports = ReportRepository()
        switch kind {
        case .utilisation:
            return try reports.utilisation(centerId: centerId, filter: filter, heatMap: !brief, on: connection)
        case .categoryShares: return try categoryShares(centerId: centerId, filter: filter, on: connection)
        case .people: return try reports.people(centerId: centerId, filter: filter, brief: brief, on: connection)
        case .teaching: return try reports.teaching(centerId: centerId, filter: filter, brief: brief, on: connection)
        case .pilot: return try reports.pilot(centerId: centerId, filter: filter, on: connection)
        case .noShows: return try reports.noShows(centerId: centerId, filter: filter, on: connection)
        }
    }
}
