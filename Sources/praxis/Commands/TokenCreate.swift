import Access
import ArgumentParser
import Database
import Foundation
import Logging
import Service

/// `praxis token create`: creates an API token for a user and prints its secret, once.
struct TokenCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API token for a user and print it (it is not stored and never shown again).",
        discussion: "Example: praxis token create wang.li --name deploy --days 30")

    @Argument(help: "The user the token acts for.")
    var username: String

    @Option(help: "What the token is for, e.g. ci or timetable-sync.")
    var name: String

    @Option(help: "Days until the token expires (1–366).")
    var days: Int = 90

    @Option(help: "Narrow the token to one of the user's roles.")
    var role: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days (\(days)) must be between 1 and 366.") }
        if let role, Role(rawValue: role) == nil {
            throw ValidationError(
                "Unknown role '\(role)'. Use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        let pool = Database(configuration: database.databaseConfiguration, logger: bootstrapLogging(level: .warning))
        do {
            let input = NewToken(
                name: name, expiresAt: Date().addingTimeInterval(Double(days) * 86_400),
                role: role.flatMap(Role.init(rawValue:)))
            let issued = try await TokenService(database: pool).create(input, for: username, as: .system)
            print(issued.secret)
            printError(
                "token \(issued.token.id) for \(username), expires \(ISO8601DateFormatter().string(from: issued.token.expiresAt))"
            )
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not create the token: \(String(describing: error))")
            throw ExitCode(2)
        }
    }
}
