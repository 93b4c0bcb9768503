import Access
public import ArgumentParser
import Database
public import Domain
import Foundation
import Logging
import Service

/// `praxis export KIND --center NAME|ID …`: a spreadsheet export as the system (CSV: UTF-8 with
/// BOM, CRLF; or an Excel workbook), to `--output` or standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export resources, instructors, classes, requests, a timetable, bookings, a roster or attendance for Excel.",
        discussion: """
            resources, instructors and classes come in their import's columns, so a file exported, edited and \
            imported again changes only what was edited. A timetable needs --subject, --id, --from and --to; \
            bookings and attendance --from and --to (bookings also take --resource, --organization, --category); \
            a roster --session, participants --request. --format xlsx (or an --output ending in .xlsx) writes an Excel workbook.
            Example: praxis export timetable --center 示范实训中心 --subject resource --id UUID \
            --from 2026-03-02T00:00:00+08:00 --to 2026-03-09T00:00:00+08:00 --output week.csv
            """)

    @Argument(
        help: "resources, instructors, classes, requests, timetable, bookings, roster, attendance or participants.")
    var kind: String

    @OptionGroup var center: CenterOption

    @Option(help: "classes: the school's id.")
    var school: String?

    @Option(help: "timetable: resource, instructor, cohort or organization.")
    var subject: String?

    @Option(help: "timetable: the subject's id.")
    var id: String?

    @Option(help: "timetable, bookings, attendance: the first instant, ISO 8601 (2026-03-02T00:00:00+08:00).")
    var from: String?

    @Option(help: "timetable, bookings, attendance: the instant after the last, ISO 8601.")
    var to: String?

    @Option(help: "bookings: only those of this resource (an id).")
    var resource: String?

    @Option(help: "bookings: only those of this organization (an id).")
    var organization: String?

    @Option(help: "bookings: only those of this category (student_training, …).")
    var category: Domain.Category?

    @Option(help: "roster: the session (booking) id.")
    var session: String?

    @Option(help: "participants: the request's id.")
    var request: String?

    @Option(help: "The format: csv or xlsx (default: xlsx for an --output ending in .xlsx, else csv).")
    var format: String?

    @Option(help: "The file to write. Default: standard output.")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    /// The format asked for, or the one the output's name implies.
    private var exportFormat: ExportFormat? {
        format.map { ExportFormat(rawValue: $0) } ?? (output.flatMap(ExportFormat.split)?.format ?? .csv)
    }

    func validate() throws {
        guard exportFormat != nil else { throw ValidationError("--format (\(format ?? "")) must be csv or xlsx.") }
        guard ExportService.kinds.contains(kind) else {
            throw ValidationError("KIND (\(kind)) must be one of \(ExportService.kinds.joined(separator: ", ")).")
        }
    }

    func run() async throws {
        let pool = Database(configuration: database.databaseConfiguration, logger: bootstrapLogging(level: .warning))
        let file: CSVFile
        do {
            file = try await export(
                ExportService(database: pool), centerId: try await center.id(CenterService(database: pool)))
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not export \(kind): \(String(describing: error))")
            throw ExitCode(2)
        }
        let data = Data(try (exportFormat ?? .csv).bytes(of: file, sheet: kind))
        if let output {
            do {
                try OutputFile(path: output).write(data)
            } catch {
                printError("Cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    private func export(_ exports: ExportService, centerId: UUID) async throws -> CSVFile {
        switch kind {
        case "resources": return try await exports.resources(of: centerId, as: .system)
        case "instructors": return try await exports.instructors(of: centerId, as: .system)
        case "classes": return try await exports.classes(of: try uuid(school, "--school"), as: .system)
        case "requests": return try await exports.requests(in: centerId, state: nil, as: .system)
        case "bookings":
            let filter = ExportService.BookingFilter(
                resourceId: try resource.map { try uuid($0, "--resource") },
                organizationId: try organization.map { try uuid($0, "--organization") }, category: category)
            return try await exports.bookings(
                in: centerId, from: try instant(from, "--from"), to: try instant(to, "--to"), filter: filter,
                as: .system)
        case "roster": return try await exports.roster(of: try uuid(session, "--session"), as: .system)
        case "participants": return try await exports.participants(of: try uuid(request, "--request"), as: .system)
        case "attendance":
            return try await exports.attendance(
                in: centerId, from: try instant(from, "--from"), to: try instant(to, "--to"), as: .system)
        default:
            let subjects: [String: (UUID) -> TimetableSubject] = [
                "resource": TimetableSubject.resource, "instructor": TimetableSubject.instructor,
                "cohort": TimetableSubject.cohort, "organization": TimetableSubject.organization,
            ]
            guard let make = subject.flatMap({ subjects[$0] }) else {
                throw ValidationError("--subject must be resource, instructor, cohort or organization.")
            }
            return try await exports.timetable(
                of: make(try uuid(id, "--id")), from: try instant(from, "--from"), to: try instant(to, "--to"),
                at: centerId, as: .system)
        }
    }

    private func uuid(_ text: String?, _ option: String) throws -> UUID {
        guard let text, let id = UUID(uuidString: text) else { throw ValidationError("\(option) must be an id.") }
        return id
    }

    private func instant(_ text: String?, _ option: String) throws -> Date {
        guard let text, let date = ISO8601DateFormatter().date(from: text) else {
            throw ValidationError("\(option) must be an ISO 8601 time such as 2026-03-02T00:00:00+08:00.")
        }
        return date
    }
}

extension Domain.Category: ExpressibleByArgument {}
