import Access
import Door
import Planning
import Service

/// The use cases the pages call: the very instances the API calls (``Services``, built once by
/// the command line), so the database referees every write and one door decides every read.
struct PageServices: Sendable {
    let centers: CenterService
    let bookings: BookingService
    let requests: RequestService
    let calendar: CalendarService
    let terms: TermService
    let policies: PolicyService
    let maintenance: MaintenanceService
    let timetables: TimetableService
    let courses: SharedCourseService
    let organizations: OrganizationService
    let plans: PlanService
    let login: LoginService
    let authenticator: Authenticator
    let catalogue: CatalogueService
    /// Onboarding a school or enterprise with its first coordinator.
    let users: UserService
    /// The audit trail, for auditors and admins.
    let auditTrail: AuditTrail
    let attendance: AttendanceService
    let participants: ParticipantService
    /// CSV imports and exports.
    let imports: ImportService
    let exports: ExportService
    /// The reader's calendar feeds.
    let feeds: FeedService
    /// The reader's notices and preferences, and their organization's webhooks.
    let notices: NoticeService
    let webhooks: WebhookService
    /// A center's reports and the consortium's public report.
    let reports: ReportService
    /// Quotas per organization and what is left of them.
    let quotas: QuotaService

    /// The pages' share of `services`.
    init(_ services: Services) {
        centers = services.centers
        bookings = services.bookings
        requests = services.requests
        calendar = services.calendar
        terms = services.terms
        policies = services.policies
        maintenance = services.maintenance
        timetables = services.timetables
        courses = services.courses
        organizations = services.organizations
        plans = services.plans
        login = services.login
        authenticator = services.authenticator
        catalogue = services.catalogue
        users = services.users
        auditTrail = services.auditTrail
        attendance = services.attendance
        participants = services.participants
        imports = services.imports
        exports = services.exports
        feeds = services.feeds
        notices = services.notices
        webhooks = services.webhooks
        reports = services.reports
        quotas = services.quotas
    }
}
