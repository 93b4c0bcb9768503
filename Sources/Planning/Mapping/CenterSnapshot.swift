import Dates
public import Domain
public import Foundation

/// Everything a run reads about a center, at one moment: the facts the allocator needs, the
/// requests to place, and the published schedule.
public struct CenterSnapshot: Sendable {
    public var center: Center
    public var grid: SlotGrid
    public var calendar: TermCalendar
    public var policy: CenterPolicy
    /// Every resource of the center, retired ones included (they may still hold bookings).
    public var resources: [Resource]
    public var instructors: [Instructor]
    /// The cohorts the requests and bookings name.
    public var cohorts: [UUID: Cohort]
    /// Maintenance windows meeting the horizon.
    public var maintenance: [MaintenanceWindow]
    /// Confirmed bookings meeting the horizon.
    public var bookings: [Booking]
    /// Which session of which request a booking holds, for bookings a published plan wrote.
    public var links: [UUID: SessionKey]
    /// The requests to place (course offerings, not the SMEs' seat requests), oldest first.
    public var requests: [Request]
    /// Seat requests in the courses among ``requests``, oldest first.
    public var seatRequests: [Request]
    /// The center's terms, by id, for requests that name teaching weeks.
    public var terms: [UUID: Term]
    /// The center's bell periods; none by default (then ``grid`` is the center's own slot grid).
    public var periods = PeriodSchedule()
    /// The windows of the center's quotas that meet the horizon, with the hours bookings the run
    /// does not place again use there.
    public var quotas: [QuotaUse] = []
    /// The pilot runs confirmed bookings serve (not planned now) that ask for an exclusive hall or a
    /// changeover, by request: what their pinned sessions keep (ProblemBuilder+Bookings.swift).
    public var confirmedRuns: [UUID: PilotProductionDetails] = [:]

    public init(
        center: Center, grid: SlotGrid, calendar: TermCalendar, policy: CenterPolicy, resources: [Resource],
        instructors: [Instructor], cohorts: [UUID: Cohort], maintenance: [MaintenanceWindow], bookings: [Booking],
        links: [UUID: SessionKey], requests: [Request], seatRequests: [Request], terms: [UUID: Term] = [:]
    ) {
        self.center = center
        self.grid = grid
        self.calendar = calendar
        self.policy = policy
        self.resources = resources
        self.instructors = instructors
        self.cohorts = cohorts
        self.maintenance = maintenance
        self.bookings = bookings
        self.links = links
        self.requests = requests
        self.seatRequests = seatRequests
        self.terms = terms
    }

    /// The states a request may be planned in: new, already planned (then it may move), or
    /// wait-listed for seats.
    public static let plannableStates: Set<RequestState> = [.submitted, .planned, .partlyPlanned, .waitListed]
}

extension Request {
    /// The dates a request's sessions may fall on, first and last; a shared-employee course runs
    /// after its decision date, until `horizonEnd`.
    func window(horizonEnd: CalendarDate) -> ClosedRange<CalendarDate>? {
        switch details {
        case .studentTraining(let training):
            let start = training.startDate
            let monday = start.monday
            return start...max(start, monday.adding(days: 7 * training.weeks - 1))
        case .employeeUpskilling(let upskilling):
            return upskilling.earliest...max(upskilling.earliest, upskilling.latest)
        case .sharedEmployee(let shared):
            guard let decision = shared.decisionDate, decision < horizonEnd else {
                return nil
            }
            return decision.adding(days: 1)...horizonEnd
        case .pilotProduction(let pilot):
            return pilot.earliestStart...max(pilot.earliestStart, pilot.latestStart.adding(days: pilot.days - 1))
        }
    }
}
