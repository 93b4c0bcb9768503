import Access
public import Database
public import Hummingbird
import Logging
import Planning
import Service
import ServiceLifecycle
public import WebUI

/// Builds the HTTP application: middleware, routes, and the database pool as a service that
/// closes after the server has drained its in-flight requests.
/// - Parameters:
///   - configuration: where to listen and which migrations this build expects.
///   - database: the pool the routes use; the application closes it on shutdown.
///   - security: cookie flags, trusted proxies, limits (default: from the environment).
/// - Throws: ``MigrationError`` when the migrations folder cannot be read.
public func buildApplication(
    _ configuration: AppConfiguration,
    database: Database,
    security: SecurityConfiguration = .fromEnvironment()
) throws -> some ApplicationProtocol {
    var logger = Logger(label: "praxis")
    logger.logLevel = configuration.logLevel
    let migrator = Migrator(database: database, migrations: try Migration.load(from: configuration.migrationsDirectory))
    let router = buildRouter(database: database, migrator: migrator, security: security)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "praxis"),
        services: [
            DatabaseService(database: database),
            CourseDecisionJob(
                centers: CenterService(database: database), courses: SharedCourseService(database: database),
                interval: .seconds(3600),
                logger: logger),
        ],
        logger: logger
    )
}

/// The router with every route; separate so tests can drive it without a socket.
public func buildRouter(
    database: Database, migrator: Migrator, security: SecurityConfiguration = SecurityConfiguration()
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: ProblemMiddleware())
    addAccessRoutes(to: router, database: database, security: security)
    HealthController(database: database, migrator: migrator).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    CentersController(centers: CenterService(database: database)).addRoutes(to: router)
    BookingsController(bookings: BookingService(database: database)).addRoutes(to: router)
    RequestsController(requests: RequestService(database: database)).addRoutes(to: router)
    CalendarController(calendar: CalendarService(database: database)).addRoutes(to: router)
    PolicyController(policies: PolicyService(database: database)).addRoutes(to: router)
    MaintenanceController(
        maintenance: MaintenanceService(database: database)
    ).addRoutes(to: router)
    TimetablesController(timetables: TimetableService(database: database)).addRoutes(to: router)
    SharedCoursesController(
        courses: SharedCourseService(database: database), centers: CenterService(database: database)
    ).addRoutes(to: router)
    PlansController(plans: PlanService(database: database)).addRoutes(to: router)
    PeopleController(organizations: OrganizationService(database: database), centers: CenterService(database: database))
        .addRoutes(to: router)
    WebUI(
        database: database,
        options: .init(
            secureCookies: security.secureCookies, trustForwardedFor: security.trustForwardedFor,
            sessionLifetime: security.sessionLifetime, bcryptCost: security.bcryptCost),
        problem: { error in
            (error as? any ProblemConvertible)?.problem.map {
                PageProblem(status: $0.statusCode, type: $0.type, title: $0.title, detail: $0.detail, field: $0.field)
            }
        }
    ).addRoutes(to: router)
    return router
}

/// The pages read and set the caller through the same context as the API.
extension AppRequestContext: PageContext {}

/// Keeps the pool open while the server runs and closes it on graceful shutdown. Listed before
/// the server, so the service group stops it after the server has finished its requests.
struct DatabaseService: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
