public import Access
public import Database
public import Foundation
import Logging
public import Planning
import Service

extension Services {
    /// What the account use cases take from the server's security settings.
    public struct Settings: Sendable {
        /// bcrypt's work factor for new password hashes.
        public var bcryptCost: UInt8
        public var loginThrottle: LoginThrottle
        /// How long a browser session lasts after login.
        public var sessionLifetime: TimeInterval
        /// The clock for expiry and throttling; tests move it by hand.
        public var now: @Sendable () -> Date
        /// The clock a person's direct booking must not start before; tests fix it in the term
        /// their bookings fall in.
        public var bookingNow: @Sendable () -> Date
        /// The planner runs a center may queue and the event streams a user may hold.
        public var planLimits: PlanLimits

        public init(
            bcryptCost: UInt8 = 12, loginThrottle: LoginThrottle = LoginThrottle(),
            sessionLifetime: TimeInterval = 8 * 3600, now: @escaping @Sendable () -> Date = { Date() },
            bookingNow: @escaping @Sendable () -> Date = { Date() }, planLimits: PlanLimits = .fromEnvironment()
        ) {
            self.bcryptCost = bcryptCost
            self.loginThrottle = loginThrottle
            self.sessionLifetime = sessionLifetime
            self.now = now
            self.bookingNow = bookingNow
            self.planLimits = planLimits
        }
    }

    /// Builds every use case once, on one pool.
    /// - Parameters:
    ///   - database: the pool every use case works through (read-only ones on its standby, if it
    ///     has one).
    ///   - migrations: the migrations of this build, which readiness expects applied.
    ///   - settings: hashing cost, login throttle, session lifetime, clocks and planner limits.
    public init(database: Database, migrations: [Migration], settings: Settings = Settings()) {
        let hasher = PasswordHasher(cost: settings.bcryptCost)
        self.init(
            centers: CenterService(database: database),
            bookings: BookingService(database: database, now: settings.bookingNow),
            requests: RequestService(database: database), calendar: CalendarService(database: database),
            terms: TermService(database: database),
            policies: PolicyService(database: database), maintenance: MaintenanceService(database: database),
            timetables: TimetableService(database: database), courses: SharedCourseService(database: database),
            organizations: OrganizationService(database: database),
            plans: PlanService(database: database, limits: settings.planLimits),
            login: LoginService(
                database: database, hasher: hasher, throttle: settings.loginThrottle,
                sessionLifetime: settings.sessionLifetime, now: settings.now),
            authenticator: Authenticator(database: database, now: settings.now),
            tokens: TokenService(database: database, now: settings.now),
            users: UserService(database: database, hasher: hasher),
            idempotency: IdempotencyStore(database: database, now: settings.now),
            auditTrail: AuditTrail(database: database),
            health: HealthService(
                migrator: Migrator(database: database, migrations: migrations), replica: database.replica),
            catalogue: CatalogueService(database: database), attendance: AttendanceService(database: database),
            participants: ParticipantService(database: database),
            imports: ImportService(database: database), exports: ExportService(database: database),
            feeds: FeedService(database: database, now: settings.now),
            operations: OperationsService(database: database),
            notices: NoticeService(database: database), webhooks: WebhookService(database: database),
            reports: ReportService(database: database),
            scheduled: ScheduledJobs(
                database: database, configuration: ScheduledJobs.Configuration(workerId: Self.workerId),
                logger: Logger(label: "praxis.jobs")),
            quotas: QuotaService(database: database, now: settings.bookingNow),
            readYourWrites: ReadYourWrites(database: database))
    }

    /// This process's name on the jobs it claims: host, process id and a random tag.
    static var workerId: String {
        let process = ProcessInfo.processInfo
        return "\(process.hostName)-\(process.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
