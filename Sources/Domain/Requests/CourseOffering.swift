public import Dates
public import Foundation

/// A shared-employee course as the catalogue shows it: the offering, the SMEs' seat requests
/// with the seats each is (or would be) allotted, and the go/no-go decision once taken.
public struct CourseOffering: Sendable, Equatable, Codable {
    /// One SME's request for seats.
    public struct SeatRequest: Sendable, Equatable, Codable {
        public var requestId: UUID
        public var organizationId: UUID
        public var state: RequestState
        public var asked: Int
        /// Max-min fair share of the capacity among the live requests, in order of asking; fixed
        /// at the decision.
        public var allotted: Int

        public init(requestId: UUID, organizationId: UUID, state: RequestState, asked: Int, allotted: Int) {
            self.requestId = requestId
            self.organizationId = organizationId
            self.state = state
            self.asked = asked
            self.allotted = allotted
        }
    }

    /// What was decided at the decision date.
    public struct Decision: Sendable, Equatable, Codable {
        public var decidedOn: CalendarDate
        public var runs: Bool
        public var seats: Int
        public var reason: String?

        public init(decidedOn: CalendarDate, runs: Bool, seats: Int, reason: String?) {
            self.decidedOn = decidedOn
            self.runs = runs
            self.seats = seats
            self.reason = reason
        }
    }

    /// One placed session of the course: its time and where it meets.
    public struct Meeting: Sendable, Equatable, Codable {
        public var start: Date
        public var end: Date
        /// The names of the resources the session takes.
        public var place: String

        public init(start: Date, end: Date, place: String) {
            self.start = start
            self.end = end
            self.place = place
        }
    }

    public var courseId: UUID
    /// The organization offering the course: the center's operator or a college.
    public var offeredBy: UUID
    public var title: String
    public var state: RequestState
    public var capacity: Int
    public var minEnrolment: Int
    /// Below `minEnrolment` on this date, the course does not run.
    public var decisionDate: CalendarDate
    public var sessions: Int
    public var sessionMinutes: Int
    public var skill: String
    /// Seats asked for by live requests.
    public var seatsRequested: Int
    /// Capacity not yet asked for.
    public var seatsLeft: Int
    public var seatRequests: [SeatRequest]
    public var decision: Decision?
    /// The course's placed sessions, by start: empty until the planner (or a manager) dates it.
    public var timetable: [Meeting]
    /// Whether SMEs may buy seats: the course is dated, live and not yet decided.
    public var onSale: Bool

    public init(
        courseId: UUID, offeredBy: UUID, title: String, state: RequestState, capacity: Int, minEnrolment: Int,
        decisionDate: CalendarDate, sessions: Int, sessionMinutes: Int, skill: String, seatRequests: [SeatRequest],
        decision: Decision?, timetable: [Meeting] = []
    ) {
        self.courseId = courseId
        self.offeredBy = offeredBy
        self.title = title
        self.state = state
        self.capacity = capacity
        self.minEnrolment = minEnrolment
        self.decisionDate = decisionDate
        self.sessions = sessions
        self.sessionMinutes = sessionMinutes
        self.skill = skill
        self.seatRequests = seatRequests
        self.decision = decision
        self.timetable = timetable
        onSale = !timetable.isEmpty && state.isLive && decision == nil
        seatsRequested = seatRequests.filter { $0.state.isLive }.reduce(0) { $0 + $1.asked }
        seatsLeft = max(0, capacity - seatsRequested)
    }
}

extension RequestState {
    /// Still asking for something: submitted, wait-listed, (partly) planned or confirmed.
    public var isLive: Bool { self == .submitted || self == .waitListed || isPlanned || self == .confirmed }
}
