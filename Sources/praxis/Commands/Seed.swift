import Access
import ArgumentParser
import Database
import Foundation
import Logging
import Service

/// `praxis seed --demo`: load the demo center (once).
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load seed data into a migrated database.")

    @Flag(help: "Load the demo intelligent-manufacturing practice center (does nothing when it is already there).")
    var demo = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard demo else { throw ValidationError("Say what to load: --demo.") }
    }

    func run() async throws {
        let logger = bootstrapLogging(level: .warning)
        let pool = Database(configuration: database.databaseConfiguration, logger: logger)
        do {
            let (centerId, created) = try await DemoCenter(database: pool).load()
            print(
                created
                    ? "loaded the demo center \(DemoCenter.name) (\(centerId))"
                    : "the demo center is already loaded (\(centerId))")
            let accounts = try await DemoCenter(database: pool).loadAccounts(hasher: PasswordHasher())
            print(
                "demo accounts (password \(DemoCenter.demoPassword)): "
                    + accounts.map { "\($0.username) (\($0.role.rawValue))" }.joined(separator: ", "))
            print(
                "sign in: curl -c cookies -H 'Content-Type: application/json' -d '{\"username\": \"demo.admin\", \"password\": \"\(DemoCenter.demoPassword)\"}' http://127.0.0.1:8080/login"
            )
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not load the demo: \(String(describing: error))")
            throw ExitCode(2)
        }
    }
}
