public import Door
public import Hummingbird
import Logging
import NIOCore

/// The server-rendered web UI: pages under `/ui/`, their assets under `/ui/static/`, and `/`
/// redirecting to the home page. Every read and write goes through the use cases (``Services``),
/// which decide what a reader may see and do.
public struct WebUI: Sendable {
    /// How the pages authenticate and what they trust.
    public struct Options: Sendable {
        /// Marks the cookies `Secure` (when served over TLS).
        public var secureCookies: Bool
        /// Takes the client's address for login throttling from the last `X-Forwarded-For` entry.
        public var trustForwardedFor: Bool
        /// How long the cookies of a browser session last (the session's own lifetime).
        public var sessionLifetime: Double

        public init(secureCookies: Bool = false, trustForwardedFor: Bool = false, sessionLifetime: Double = 8 * 3600) {
            self.secureCookies = secureCookies
            self.trustForwardedFor = trustForwardedFor
            self.sessionLifetime = sessionLifetime
        }
    }

    let services: PageServices
    let options: Options
    let renderer: Result<PageRenderer, any Error>
    let problem: @Sendable (any Error) -> PageProblem?

    /// - Parameters:
    ///   - services: the use cases, the same instances the API calls.
    ///   - options: cookie flags and login settings, as the API's.
    ///   - problem: the API's mapping of an error to its problem details (`nil`: internal).
    public init(services: Services, options: Options, problem: @escaping @Sendable (any Error) -> PageProblem?) {
        self.services = PageServices(services)
        self.options = options
        self.renderer = Result { try PageRenderer() }
        self.problem = problem
    }

    /// Adds the pages to `router` as a group of their own: `/` (a redirect to the home page),
    /// the pages and their static files under `/ui/`, behind the HTML security headers, the pages'
    /// own session middleware (which finds the reader's workplace), the error pages and the origin
    /// check of forms, in that order. When the templates shipped with
    /// the binary cannot be read, every page answers 503 and says so in the log.
    public func addRoutes<Context: PageContext>(to router: Router<Context>) {
        let pages = router.group().add(middleware: SecurityHeadersMiddleware<Context>(SecurityHeaders.html))
        pages.get("/") { _, _ in Response.redirect(to: "/ui/") }
        StaticFiles().addFavicon(to: pages)
        let renderer: PageRenderer
        switch self.renderer {
        case .success(let loaded):
            renderer = loaded
        case .failure(let error):
            pages.get("ui/**") { _, context -> Response in
                context.logger.error("The web UI's templates could not be loaded", metadata: ["error": "\(error)"])
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: "The web UI is not installed correctly: its templates are missing.")))
            }
            return
        }
        let ui = pages.group("ui")
            .add(
                middleware: PageSessionMiddleware<Context>(
                    authenticator: services.authenticator, centers: services.centers)
            )
            .add(middleware: PageErrorMiddleware<Context>(renderer: renderer, problem: problem))
            .add(middleware: PageOriginMiddleware<Context>())
            .add(middleware: UnreadNoticesMiddleware<Context>(notices: services.notices))
        StaticFiles().addRoutes(to: ui)
        LoginPages(services: services, renderer: renderer, options: options).addRoutes(to: ui)
        HomePage(services: services, renderer: renderer).addRoutes(to: ui)
        WorkplacePage(services: services).addRoutes(to: ui)
        TimelinePages(services: services, renderer: renderer).addRoutes(to: ui)
        PlannerPages(services: services, renderer: renderer).addRoutes(to: ui)
        RequestPages(services: services, renderer: renderer).addRoutes(to: ui)
        SetupPages(services: services, renderer: renderer).addRoutes(to: ui)
        TermPages(services: services, renderer: renderer).addRoutes(to: ui)
        CalendarPages(services: services, renderer: renderer).addRoutes(to: ui)
        SchoolPages(services: services, renderer: renderer).addRoutes(to: ui)
        TeacherCoursePages(services: services, renderer: renderer).addRoutes(to: ui)
        EnterprisePages(services: services, renderer: renderer).addRoutes(to: ui)
        InstructorPages(services: services, renderer: renderer).addRoutes(to: ui)
        CataloguePages(services: services, renderer: renderer).addRoutes(to: ui)
        FeedPages(services: services, renderer: renderer).addRoutes(to: ui)
        CenterPages(services: services, renderer: renderer).addRoutes(to: ui)
        AttendancePages(services: services, renderer: renderer).addRoutes(to: ui)
        CheckInPages(services: services, renderer: renderer, options: options).addRoutes(to: ui)
        NoShowPages(services: services, renderer: renderer).addRoutes(to: ui)
        AuditPages(services: services, renderer: renderer).addRoutes(to: ui)
        ReportPages(services: services, renderer: renderer).addRoutes(to: ui)
        RosterPages(services: services, renderer: renderer).addRoutes(to: ui)
        ImportPages(services: services, renderer: renderer).addRoutes(to: ui)
        NoticePages(services: services, renderer: renderer).addRoutes(to: ui)
        NoticeSettingsPage(services: services, renderer: renderer).addRoutes(to: ui)
        WebhookPages(services: services, renderer: renderer).addRoutes(to: ui)
        OrganizationPages(services: services, renderer: renderer).addRoutes(to: ui)
        InstructorEditPages(services: services, renderer: renderer).addRoutes(to: ui)
        RequestEditPages(services: services, renderer: renderer).addRoutes(to: ui)
        OwnInstructorsPage(services: services, renderer: renderer).addRoutes(to: ui)
        QuotaPages(services: services, renderer: renderer).addRoutes(to: ui)
        OfferingPages(services: services, renderer: renderer).addRoutes(to: ui)
        ui.get("**") { _, _ -> Response in throw PageError.notFound }
    }
}
