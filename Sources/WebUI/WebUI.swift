public import Database
public import Hummingbird
import Logging
import NIOCore

/// The server-rendered web UI: pages under `/ui/`, their assets under `/ui/static/`, and `/`
/// redirecting to the home page. Every write goes through the services; what a reader may see
/// is decided by `Policy`.
public struct WebUI: Sendable {
    /// How the pages authenticate and what they trust.
    public struct Options: Sendable {
        /// Marks the cookies `Secure` (when served over TLS).
        public var secureCookies: Bool
        /// Takes the client's address for login throttling from the last `X-Forwarded-For` entry.
        public var trustForwardedFor: Bool
        /// How long a browser session lasts after login.
        public var sessionLifetime: Double
        /// bcrypt's work factor (only used to verify passwords here).
        public var bcryptCost: UInt8

        public init(
            secureCookies: Bool = false, trustForwardedFor: Bool = false, sessionLifetime: Double = 8 * 3600,
            bcryptCost: UInt8 = 12
        ) {
            self.secureCookies = secureCookies
            self.trustForwardedFor = trustForwardedFor
            self.sessionLifetime = sessionLifetime
            self.bcryptCost = bcryptCost
        }
    }

    let services: PageServices
    let options: Options
    let renderer: Result<PageRenderer, any Error>
    let problem: @Sendable (any Error) -> PageProblem?

    /// - Parameters:
    ///   - database: the pool the services use.
    ///   - options: cookie flags and login settings, as the API's.
    ///   - problem: the API's mapping of an error to its problem details (`nil`: internal).
    public init(database: Database, options: Options, problem: @escaping @Sendable (any Error) -> PageProblem?) {
        self.services = PageServices(database: database, options: options)
        self.options = options
        self.renderer = Result { try PageRenderer() }
        self.problem = problem
    }

    /// Adds the pages, their middleware and the static files to `router`. When the templates
    /// shipped with the binary cannot be read, every page answers 503 and says so in the log.
    public func addRoutes<Context: PageContext>(to router: Router<Context>) {
        router.get("/") { _, _ in Response.redirect(to: "/ui/") }
        let renderer: PageRenderer
        switch self.renderer {
        case .success(let loaded):
            renderer = loaded
        case .failure(let error):
            router.get("ui/**") { _, context -> Response in
                context.logger.error("The web UI's templates could not be loaded", metadata: ["error": "\(error)"])
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: "The web UI is not installed correctly: its templates are missing.")))
            }
            return
        }
        let ui = router.group("ui")
            .add(middleware: PageErrorMiddleware<Context>(renderer: renderer, problem: problem))
            .add(middleware: PageSessionMiddleware<Context>(authenticator: services.authenticator))
        StaticFiles().addRoutes(to: ui)
        LoginPages(services: services, renderer: renderer, options: options).addRoutes(to: ui)
        HomePage(services: services, renderer: renderer).addRoutes(to: ui)
        TimelinePages(services: services, renderer: renderer).addRoutes(to: ui)
        PlannerPages(services: services, renderer: renderer).addRoutes(to: ui)
        RequestPages(services: services, renderer: renderer).addRoutes(to: ui)
        SetupPages(services: services, renderer: renderer).addRoutes(to: ui)
        SchoolPages(services: services, renderer: renderer).addRoutes(to: ui)
        EnterprisePages(services: services, renderer: renderer).addRoutes(to: ui)
        InstructorPages(services: services, renderer: renderer).addRoutes(to: ui)
        ui.get("**") { _, _ -> Response in throw PageError.notFound }
    }
}
