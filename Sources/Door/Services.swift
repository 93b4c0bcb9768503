import Access
public import Planning
public import Service

/// The use cases behind both edges — the JSON API and the HTML pages — built once by the command
/// line (``init(database:migrations:settings:)``) and handed to both, so a page and an API route
/// call the very same instances. The edges see this type but not the database it was built on.
public struct Services: Sendable {
    public let centers: CenterService
    public let bookings: BookingService
    public let requests: RequestService
    public let calendar: CalendarService
    public let terms: TermService
    public let policies: PolicyService
    public let maintenance: MaintenanceService
    public let timetables: TimetableService
    public let courses: SharedCourseService
    public let organizations: OrganizationService
    public let plans: PlanService
    public let login: LoginService
    public let authenticator: Authenticator
    public let tokens: TokenService
    public let users: UserService
    public let idempotency: IdempotencyStore
    public let auditTrail: AuditTrail
    /// Readiness: the database answers and the schema is current.
    public let health: HealthService
    /// A center's capability catalogue: tags and their Chinese and English labels.
    public let catalogue: CatalogueService
    /// Rosters, attendance, actual times and check-in codes of sessions.
    public let attendance: AttendanceService
    /// Named people: class rosters, a course's participants, outcomes.
    public let participants: ParticipantService
    /// CSV imports (dry run and real) of resources, instructors, classes and holidays.
    public let imports: ImportService
    /// CSV and spreadsheet exports of lists and timetables.
    public let exports: ExportService
    /// Calendar feeds: made, listed and revoked by their owners, read by their secret.
    public let feeds: FeedService
    /// The pool and queue gauges read when metrics are scraped.
    public let operations: OperationsService
    /// The caller's own notices (the in-app list) and notice preferences.
    public let notices: NoticeService
    /// An organization's webhooks and their delivery log.
    public let webhooks: WebhookService
    /// A center's reports and the consortium's public report.
    public let reports: ReportService
    /// The scheduled jobs (course decisions, certificate reminders, the purge) this process
    /// enqueues and works.
    public let scheduled: ScheduledJobs
    /// Quotas per organization and what is left of them.
    public let quotas: QuotaService
    /// Read-your-writes markers, when reads may go to a standby.
    public let readYourWrites: ReadYourWrites
}
