import Access
import ArgumentParser
import Database
import Dates
import Domain
import Foundation
import Logging
import Planning
import Service

/// `praxis plan`: queues a planner run for a center, runs it in this process and prints its figures.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the planner over a center's horizon and print the result.",
        discussion: """
            Queues a run as POST /centers/{id}/plans does, works the queue in this process until the run is \
            settled (a `praxis serve` on the same database may take it instead), then prints the score, placed and \
            unplaced sessions with reasons, and the time taken. While it plans, the best score so far, the \
            unplaced sessions, the steps and the elapsed time go to standard error once a second (--quiet: not). \
            With --publish, publishes it.
            """)

    @Option(help: "The center's id.")
    var center: String?

    @Flag(help: "Plan the demo center (`praxis seed --demo`) instead of --center.")
    var demo = false

    @Flag(help: "Plan the generated city-scale term (`praxis seed --city`) instead of --center.")
    var city = false

    @Option(help: "First date of the horizon (YYYY-MM-DD).")
    var from: CalendarDate

    @Option(help: "Last date of the horizon (YYYY-MM-DD).")
    var to: CalendarDate

    @Option(help: "The solver's time limit in seconds.")
    var seconds: Double = 10

    @Option(help: "The solver's random seed.")
    var seed: Int = 0

    @Option(help: "Searches side by side, each on a core (default: two on two cores or more).")
    var searches: Int?

    @Flag(help: "Publish the run when it succeeds.")
    var publish = false

    @Flag(help: "Print no progress lines while planning.")
    var quiet = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard [demo, city, center != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Name the center: --center ID, --demo or --city.")
        }
        if let center, UUID(uuidString: center) == nil { throw ValidationError("--center (\(center)) is not a UUID.") }
        if let searches, !(1...8).contains(searches) {
            throw ValidationError("--searches (\(searches)) must be from 1 to 8.")
        }
    }

    func run() async throws {
        let logger = bootstrapLogging(level: .warning)
        let pool = Database(configuration: database.databaseConfiguration, logger: logger)
        do {
            try await plan(pool, logger: logger)
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError(Self.describe(error))
            throw ExitCode(2)
        }
    }

    private func plan(_ pool: Database, logger: Logger) async throws {
        let started = ContinuousClock.now
        let centerId = try await centerId(pool)
        let service = PlanService(database: pool)
        let queued = try await service.create(
            NewPlan(horizon: PlanHorizon(from: from, to: to), timeLimitSeconds: seconds, seed: seed), in: centerId,
            as: .system)
        var configuration = PlanWorkerConfiguration()
        configuration.searches = searches ?? PlanWorkerConfiguration.defaultSearches
        let worker = PlanWorker(database: pool, configuration: configuration, logger: logger)
        let progress = quiet ? nil : Task { await PlanProgressLines(service: service).follow(queued.id) }
        var plan = try await service.plan(queued.id, as: .system)
        while !plan.status.isSettled {
            _ = try await worker.failExpiredLeases()
            _ = try await worker.runOnce()
            plan = try await service.plan(queued.id, as: .system)
        }
        progress?.cancel()
        guard let result = plan.result else {
            throw ValidationError("The run \(plan.id) \(plan.status.rawValue): \(plan.failure ?? "")")
        }
        let score = result.score
        print("plan \(plan.id): \(plan.status.rawValue)")
        print("score \(score.hard)hard/\(score.medium)medium/\(score.soft)soft, feasible \(score.feasible)")
        print(
            "sessions \(result.sessions), placed \(result.placed), unplaced \(result.unplaced.count), pinned bookings \(result.pinnedBookings)"
        )
        print(
            String(
                format: "solver %.2f s, %d steps; whole run %.2f s", result.seconds, result.steps,
                (ContinuousClock.now - started) / .seconds(1)))
        if let timings = result.timings {
            print(
                String(
                    format:
                        "read %.2f s, map %.2f s, solve %.2f s (searches: %d), explain %.2f s, proposal %.2f s: %.2f s besides the solve",
                    timings.read, timings.map, timings.solve, timings.searches, timings.explain, timings.propose,
                    timings.overhead))
        }
        for constraint in result.constraints {
            print(
                "  \(constraint.level) \(constraint.constraint): \(constraint.penalty) (weighted \(constraint.weighted))"
            )
        }
        for unplaced in result.unplaced {
            print("  unplaced \(unplaced.name): \(unplaced.reasons.map(\.en).joined(separator: "; "))")
        }
        for course in result.seatAllocations {
            let grants = course.grants.map { "\($0.granted)/\($0.asked)" }.joined(separator: ", ")
            print(
                "  course \(course.courseRequestId): \(course.runs ? "runs" : "does not run"), seats \(grants)\(course.reason.map { " (\($0.en))" } ?? "")"
            )
        }
        if publish {
            let published = try await service.publish(plan.id, as: .system)
            print(
                "published \(published.id) (\(result.diff.added.count) added, \(result.diff.moved.count) moved, \(result.diff.removed.count) removed)"
            )
        }
    }

    private func centerId(_ pool: Database) async throws -> UUID {
        if let center { return UUID(uuidString: center)! }
        let service = CenterService(database: pool)
        let (name, seed) = city ? (CityTerm.name, "--city") : (DemoCenter.name, "--demo")
        var offset = 0
        while true {
            let centers = try await service.centers(page: Page(limit: Page.maximumLimit, offset: offset), as: .system)
            if let found = centers.first(where: { $0.name == name }) { return found.id }
            guard centers.count == Page.maximumLimit else {
                throw ValidationError("\(name) is not loaded; run `praxis seed \(seed)` first.")
            }
            offset += centers.count
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case ServiceError.invalid(let rule): "\(rule.field): \(rule.message)"
        case ServiceError.notFound(let entity): "No such \(entity)."
        case ServiceError.planStale(let items): items.map(\.reason).joined(separator: "\n")
        default: String(describing: error)
        }
    }
}
