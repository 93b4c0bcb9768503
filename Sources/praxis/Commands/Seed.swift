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

    @Flag(help: "Load a generated city-scale term for measuring the planner (over 2,300 sessions; see CityTerm).")
    var city = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard demo != city else { throw ValidationError("Say what to load: --demo or --city.") }
    }

    func run() async throws {
        let logger = bootstrapLogging(level: .warning)
        let pool = Database(configuration: database.databaseConfiguration, logger: logger)
        if city {
            do {
                let (centerId, created) = try await CityTerm(database: pool).load()
                print(
                    created ? "loaded the city term \(CityTerm.name) (\(centerId))" : "the city term is already loaded")
                await pool.shutdown()
            } catch {
                await pool.shutdown()
                printError("Could not load the city term: \(String(describing: error))")
                throw ExitCode(2)
            }
            return
        }
        do {
            let (centerId, created) = try await DemoCenter(database: pool).load()
            print(
                created
                    ? "loaded the demo center \(DemoCenter.name) (\(centerId))"
                    : "the demo center is already loaded (\(centerId))")
            let (password, generated) = DemoCenter.demoPassword()
            let accounts = try await DemoCenter(database: pool).loadAccounts(
                password: password, hasher: PasswordHasher())
            Self.report(accounts, password: password, generated: generated)
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not load the demo: \(String(describing: error))")
            throw ExitCode(2)
        }
    }

    /// Says which demo accounts exist and how to sign in: the password once, when this run set it
    /// (generated: printed here and nowhere else; from PRAXIS_DEMO_PASSWORD: named, not printed).
    static func report(_ accounts: [DemoCenter.DemoAccount], password: String, generated: Bool) {
        print("demo accounts: " + accounts.map { "\($0.username) (\($0.role.rawValue))" }.joined(separator: ", "))
        guard accounts.contains(where: \.created) else {
            print("the demo accounts were loaded before and keep the password they were given then")
            return
        }
        if generated {
            print("demo password (shown only this once; set \(DemoCenter.passwordVariable) to choose it): \(password)")
        } else {
            print("demo password: the value of \(DemoCenter.passwordVariable)")
        }
        print(
            "sign in at http://127.0.0.1:8080/ui/login as demo.admin, or: curl -c cookies -H 'Content-Type: application/json' -d '{\"username\": \"demo.admin\", \"password\": \"…\"}' http://127.0.0.1:8080/login"
        )
    }
}
