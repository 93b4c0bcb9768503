import Access
public import ArgumentParser
import Database
import Domain
import Foundation
import Logging
public import Service

/// `praxis import KIND FILE --center NAME|ID [--dry-run]`: a CSV import as the system, its report
/// printed; exits 1 when any row is bad (nothing is written then), 2 when the file or center is.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import resources, instructors, classes, holidays, requests of each category or participants from a CSV file (UTF-8 or GB18030).",
        discussion: """
            The first row names the columns, in English or Chinese (docs/import-export.md lists them). A row \
            whose natural key (a resource's name, an instructor's name and organization, a class's school and \
            name, a request's organization and title, a seat request's SME and course, a participant's request and \
            number) is stored updates it when it differs; importing the same file twice changes nothing. The \
            whole file is one transaction: with any bad row nothing is written.
            Example: praxis import resources resources.csv --center 示范实训中心 --dry-run
            """)

    @Argument(
        help:
            "resources, instructors, classes, holidays, requests (student training), upskilling, seats (shared-employee), pilot_runs or participants."
    )
    var kind: ImportKind

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var center: CenterOption

    @Flag(help: "Check every row and report, without writing.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("Cannot read \(file).")
            throw ExitCode(2)
        }
        let pool = Database(configuration: database.databaseConfiguration, logger: bootstrapLogging(level: .warning))
        let report: ImportReport
        do {
            let centerId = try await center.id(CenterService(database: pool))
            report = try await ImportService(database: pool).importFile(
                kind, bytes: [UInt8](data), center: centerId, dryRun: dryRun, as: .system)
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not import \(file): \(String(describing: error))")
            throw ExitCode(2)
        }
        for error in report.errors {
            printError("\(file):\(error.row): \(error.column): \(error.rule): \(error.message.en)")
        }
        let verb = report.written ? "imported" : (report.dryRun ? "checked" : "refused, nothing written")
        print(
            "\(report.rows) rows (\(report.encoding.rawValue)) \(verb): \(report.created) created, "
                + "\(report.updated) updated, \(report.unchanged) unchanged, \(report.errors.count) bad")
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}

extension ImportKind: ExpressibleByArgument {}
