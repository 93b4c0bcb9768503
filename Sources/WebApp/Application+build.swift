public import Door
public import Hummingbird
import Logging
import NIOCore
public import WebUI

/// Builds the HTTP application: middleware, routes and the background jobs of the web process,
/// all on the use cases the command line built once.
/// - Parameters:
///   - configuration: where to listen and how much to log.
///   - services: the use cases the API, the pages and the jobs call.
///   - security: cookie flags, trusted proxies, limits (default: from the environment).
///   - onListening: called once the server listens, with the port it listens on (the one the system chose
///     for port 0).
public func buildApplication(
    _ configuration: AppConfiguration,
    services: Services,
    security: SecurityConfiguration = .fromEnvironment(),
    onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var logger = Logger(label: "praxis")
    logger.logLevel = configuration.logLevel
    let (timeout, deadlineLogger) = (TimeAmount(configuration.requestTimeout), logger)
    return Application(
        router: buildRouter(services: services, security: security),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [RequestDeadline(timeout: timeout, logger: deadlineLogger)],
                idleTimeout: timeout)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "praxis"),
        services: [
            ScheduledJobRunner(jobs: services.scheduled, interval: .seconds(60), logger: logger)
        ],
        onServerRunning: { channel in
            if let port = channel.localAddress?.port { await onListening(port) }
        },
        logger: logger
    )
}

/// The router with every route; separate so tests can drive it without a socket.
///
/// Every answer goes through the access log, `X-Content-Type-Options: nosniff` and the problem
/// mapping (which also answers unknown paths with a problem+json 404). Below them, two groups
/// with middleware of their own and no path exceptions: the JSON API (public probes, OpenAPI
/// document and `POST /login`; every other route behind authentication and idempotency keys)
/// and the HTML pages under `/ui/` (security headers, their error pages, their own sessions).
public func buildRouter(
    services: Services, security: SecurityConfiguration = SecurityConfiguration()
) -> Router<AppRequestContext> {
    // HEAD answers every GET route (the probes' HEAD included), as HTTP expects
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    AppMetrics.bootstrap()
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(SecurityHeaders.everyAnswer))
    router.add(middleware: ProblemMiddleware())
    router.add(
        middleware: ReadYourWritesMiddleware(
            readYourWrites: services.readYourWrites, secureCookies: security.secureCookies))
    let anyone = router.group()
    HealthController(health: services.health).addRoutes(to: anyone)
    OpenAPIController().addRoutes(to: anyone)
    AttendanceController(attendance: services.attendance, trustForwardedFor: security.trustForwardedFor)
        .addPublicRoutes(to: anyone)
    FeedsController(feeds: services.feeds).addPublicRoutes(to: anyone)
    MetricsController(operations: services.operations, token: security.metricsToken).addRoutes(to: anyone)
    let api = router.authenticated(services: services, security: security)
    addAccessRoutes(anyone: anyone, api: api, services: services, security: security)
    addUseCaseRoutes(to: api, services: services)
    WebUI(
        services: services,
        options: .init(
            secureCookies: security.secureCookies, trustForwardedFor: security.trustForwardedFor,
            sessionLifetime: security.sessionLifetime),
        problem: { error in
            ProblemDetails.of(error).map {
                PageProblem(
                    status: $0.statusCode, type: $0.type, title: $0.title, detail: $0.detail, field: $0.field,
                    rule: $0.rule)
            }
        }
    ).addRoutes(to: router)
    return router
}

/// The API's routes of centers, bookings, requests, calendars, policies, maintenance,
/// timetables, shared courses, plans and people.
private func addUseCaseRoutes(to api: RouterGroup<AppRequestContext>, services: Services) {
    CentersController(centers: services.centers).addRoutes(to: api)
    BookingsController(bookings: services.bookings).addRoutes(to: api)
    BookingSeriesController(bookings: services.bookings).addRoutes(to: api)
    RequestsController(requests: services.requests).addRoutes(to: api)
    CalendarController(calendar: services.calendar).addRoutes(to: api)
    TermsController(terms: services.terms).addRoutes(to: api)
    PolicyController(policies: services.policies).addRoutes(to: api)
    PeriodsController(calendar: services.calendar).addRoutes(to: api)
    MaintenanceController(maintenance: services.maintenance).addRoutes(to: api)
    QuotasController(quotas: services.quotas).addRoutes(to: api)
    TimetablesController(timetables: services.timetables).addRoutes(to: api)
    SharedCoursesController(courses: services.courses).addRoutes(to: api)
    PlansController(plans: services.plans).addRoutes(to: api)
    PeopleController(organizations: services.organizations).addRoutes(to: api)
    CatalogueController(catalogue: services.catalogue).addRoutes(to: api)
    AttendanceController(attendance: services.attendance).addRoutes(to: api)
    ReportController(reports: services.reports).addRoutes(to: api)
    ParticipantsController(participants: services.participants).addRoutes(to: api)
    ImportsController(imports: services.imports).addRoutes(to: api)
    ExportsController(exports: services.exports).addRoutes(to: api)
    FeedsController(feeds: services.feeds).addRoutes(to: api)
    NoticesController(notices: services.notices).addRoutes(to: api)
    WebhooksController(webhooks: services.webhooks).addRoutes(to: api)
}

/// The pages read and set the caller through the same context as the API.
extension AppRequestContext: PageContext {}
