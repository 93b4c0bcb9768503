import Access
import Database
import Planning
import Service

/// The use cases the pages call: the same services the API calls, so the database referees
/// every write.
struct PageServices: Sendable {
    let centers: CenterService
    let bookings: BookingService
    let requests: RequestService
    let calendar: CalendarService
    let policies: PolicyService
    let maintenance: MaintenanceService
    let timetables: TimetableService
    let courses: SharedCourseService
    let organizations: OrganizationService
    let plans: PlanService
    let login: LoginService
    let authenticator: Authenticator

    init(database: Database, options: WebUI.Options) {
        centers = CenterService(database: database)
        bookings = BookingService(database: database)
        requests = RequestService(database: database)
        calendar = CalendarService(database: database)
        policies = PolicyService(database: database)
        maintenance = MaintenanceService(database: database)
        timetables = TimetableService(database: database)
        courses = SharedCourseService(database: database)
        organizations = OrganizationService(database: database)
        plans = PlanService(database: database)
        login = LoginService(
            database: database, hasher: PasswordHasher(cost: options.bcryptCost),
            sessionLifetime: options.sessionLifetime)
        authenticator = Authenticator(database: database)
    }
}
