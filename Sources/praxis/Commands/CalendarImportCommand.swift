import Access
import ArgumentParser
import Database
import Domain
import Foundation
import Logging
import Service

/// `praxis calendar import FILE`: loads a CSV of holidays and make-up days (the format of the
/// shipped `cn-public-holidays.csv`), audited as the system; a year whose stored days equal the
/// file's is left alone.
struct CalendarImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load the official holidays and make-up working days from a CSV file.",
        discussion: """
            The file has a header date,kind,holiday and one row per day; kind is holiday or makeup_workday. \
            An optional 4th column follows_weekday (1 = Monday … 7 = Sunday) says which weekday's timetable a \
            make-up day runs; where it is missing, --makeup-weekday decides: same-as-holiday (the weekday of \
            the nearest weekday holiday of the same name) or a weekday 1…7. Every year in the file replaces \
            the stored days of that year; nothing is written when any row is bad.
            Example: praxis calendar import cn-public-holidays-2027.csv --makeup-weekday same-as-holiday
            """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "Load only the rows of this year.")
    var year: Int?

    @Option(help: "The weekday make-up days without a follows_weekday run: same-as-holiday or 1…7.")
    var makeupWeekday: String?

    @Flag(help: "Check the file and say which years would change, without writing.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let makeupWeekday, MakeupRule(text: makeupWeekday) == nil {
            throw ValidationError("--makeup-weekday '\(makeupWeekday)' must be same-as-holiday or a weekday 1…7.")
        }
    }

    func run() async throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            printError("Cannot read \(file): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let csv = HolidayCSV(text: text, year: year, makeupRule: makeupWeekday.flatMap(MakeupRule.init(text:)))
        guard csv.errors.isEmpty else {
            for error in csv.errors {
                printError("\(file):\(error.line): \(error.column): \(error.rule): \(error.message)")
            }
            throw ExitCode(1)
        }
        let pool = Database(configuration: database.databaseConfiguration, logger: bootstrapLogging(level: .warning))
        do {
            let result = try await CalendarService(database: pool).importDays(csv, dryRun: dryRun, as: .system)
            let years = result.changedYears.map(String.init).joined(separator: ", ")
            print(
                "\(result.days.count) days read; "
                    + (years.isEmpty ? "nothing changed" : (dryRun ? "would replace " : "replaced ") + years))
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not import the calendar: \(String(describing: error))")
            throw ExitCode(2)
        }
    }
}
