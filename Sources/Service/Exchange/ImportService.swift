public import Access
public import Database
import Dates
import Domain
public import Foundation
import Repositories

/// Imports a CSV file of one ``ImportKind`` into a center, through the same use cases as the
/// forms: each row creates (no stored object has its natural key), updates (one has, and differs)
/// or leaves unchanged what it names. The whole file is one transaction: a dry run rolls it back,
/// and so does a real run with any bad row, so either every row is written or none.
public struct ImportService: Sendable {
    let database: Database

    /// At most this many bytes and data rows in one file.
    public static let maxBytes = 2 * 1024 * 1024
    public static let maxRows = 5_000

    public init(database: Database) {
        self.database = database
    }

    /// Checks (`dryRun`) or imports a file of `kind` into the center.
    /// - Returns: the report: counts and every bad row (row, column, rule, message in both languages).
    /// - Throws: `.invalid` naming `file` for a file that cannot be read (size, encoding, header);
    ///   `.notFound` / `.forbidden` when the caller may not change the center (or a class's school).
    public func importFile(
        _ kind: ImportKind, bytes: [UInt8], center centerId: UUID, dryRun: Bool, as caller: Principal
    ) async throws -> ImportReport {
        let (file, header) = try Self.read(kind, bytes: bytes)
        let rows = header.rows(file)
        let initial = ImportReport(kind: kind, dryRun: dryRun, encoding: file.encoding, rows: rows.count)
        if kind == .holidays {
            return try await importHolidays(file, header: header, report: initial, as: caller)
        }
        do {
            return try await database.withTransaction { connection in
                var report = initial
                guard try CenterRepository().find(id: centerId, forUpdate: true, on: connection) != nil else {
                    throw ServiceError.notFound(entity: "center")
                }
                if kind.isCenterManagers {
                    try Policy(caller).authorize(.change, .center(centerId), entity: "center")
                }
                for row in rows {
                    try self.apply(kind, row, center: centerId, into: &report, on: connection, as: caller)
                }
                guard !dryRun, report.errors.isEmpty else { throw Rollback(report: report) }
                report.written = true
                return report
            }
        } catch let rollback as Rollback {
            return rollback.report
        }
    }

    /// The file read and its header mapped.
    private static func read(_ kind: ImportKind, bytes: [UInt8]) throws -> (CSVFile, ImportHeader) {
        guard bytes.count <= maxBytes else {
            throw ServiceError.invalid(
                DomainError(field: "file", rule: "maxSize", message: "A file holds at most 2 MB; split it."))
        }
        do throws(DomainError) {
            let file = try CSVFile(bytes: bytes)
            guard file.rows.count <= maxRows else {
                throw DomainError(field: "file", rule: "maxRows", message: "A file holds at most 5,000 rows; split it.")
            }
            return (file, try ImportHeader(file.header, kind: kind))
        } catch { throw ServiceError.invalid(error) }
    }

    /// One row in a savepoint of its own: its outcome counted, or its refusal reported (and its
    /// writes undone); a refusal that is not about the row (not allowed, …) ends the import.
    private func apply(
        _ kind: ImportKind, _ row: ImportRow, center centerId: UUID, into report: inout ImportReport,
        on connection: Connection, as caller: Principal
    ) throws {
        do {
            let outcome = try connection.withSavepoint { connection -> ImportOutcome in
                switch kind {
                case .resources: try importResource(row, center: centerId, on: connection, as: caller)
                case .instructors: try importInstructor(row, center: centerId, on: connection, as: caller)
                case .classes: try importClass(row, on: connection, as: caller)
                case .requests: try importRequest(row, center: centerId, on: connection, as: caller)
                case .upskilling: try importUpskilling(row, center: centerId, on: connection, as: caller)
                case .seats: try importSeats(row, center: centerId, on: connection, as: caller)
                case .pilotRuns: try importPilotRun(row, center: centerId, on: connection, as: caller)
                case .participants: try importParticipant(row, center: centerId, on: connection, as: caller)
                case .holidays: .unchanged  // loaded whole by the calendar's import
                }
            }
            switch outcome {
            case .created: report.created += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            }
        } catch let failure as ImportRowFailure {
            report.errors.append(ImportRowText.error(failure, row: row.number))
        } catch ServiceError.invalid(let error) {
            report.errors.append(ImportRowText.error(error, row: row.number, kind: kind))
        } catch ServiceError.conflict(let message, let rule) {
            report.errors.append(ImportRowText.conflict(message, rule: rule, row: row.number))
        }
    }

    /// Carries a dry run's (or a refused run's) report out of the transaction it rolls back.
    private struct Rollback: Error {
        var report: ImportReport
    }
}

/// What a row did.
enum ImportOutcome {
    case created, updated, unchanged
}
