public import Access
import Allocator
public import Database
public import Dates
public import Domain
public import Foundation
import Repositories

/// The shared-employee catalogue, and the go/no-go decision at each course's decision date:
/// seats are allotted max-min fairly in order of asking; a course under its minimum enrolment is
/// cancelled (its bookings released) and every SME that asked is told why; SMEs left without a
/// seat are wait-listed.
public struct SharedCourseService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let requests = RequestRepository()
    let decisions = CourseDecisionRepository()

    public init(database: Database) {
        self.database = database
    }

    /// A center's courses with capacity, seats asked and seats left for everyone; the SMEs' seat
    /// requests only the caller's own organization's, all of them for the center's managers,
    /// admins and auditors.
    /// - Throws: `.notFound` for an unknown center.
    public func catalogue(of centerId: UUID, as caller: Principal) async throws -> [CourseOffering] {
        try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try Self.offerings(in: centerId, on: connection).map { Self.redacted($0, at: centerId, for: caller) }
        }
    }

    /// Decides every live course whose decision date is on or before `asOf` (today in the
    /// center's time zone when `nil`) and that is not yet decided; deciding again changes nothing.
    /// - Parameter caller: a manager of the center (``Principal/system`` for the hourly job).
    /// - Returns: the courses decided now.
    public func decide(in centerId: UUID, asOf: CalendarDate?, as caller: Principal) async throws -> [CourseOffering] {
        try await database.withTransaction { try decide(in: centerId, asOf: asOf, as: caller, on: $0) }
    }

    /// ``decide(in:asOf:as:)`` inside the caller's transaction (the demo seed's).
    func decide(
        in centerId: UUID, asOf: CalendarDate?, as caller: Principal, on connection: Connection
    ) throws -> [CourseOffering] {
        guard let center = try centers.find(id: centerId, on: connection) else {
            throw ServiceError.notFound(entity: "center")
        }
        try Policy(caller).authorize(.change, .center(centerId), entity: "center")
        let asOf = asOf ?? center.today()
        // every shared-employee request of the center, locked once: the decisions move them
        let locked = try requests.all(centerId: centerId, category: .sharedEmployee, forUpdate: true, on: connection)
        let byId = Dictionary(uniqueKeysWithValues: locked.map { ($0.id, $0) })
        let due = try Self.offerings(of: locked, in: centerId, on: connection).filter {
            $0.decision == nil && $0.state.isLive && $0.decisionDate <= asOf
        }
        for course in due { try decide(course, requests: byId, asOf: asOf, by: caller.actor, on: connection) }
        let decided = Set(due.map(\.courseId))
        return try Self.offerings(in: centerId, on: connection).filter { decided.contains($0.courseId) }
    }

    /// The offering as the caller may see it: the aggregates stay, other organizations' seat
    /// requests go unless the caller reads all of the center's work.
    static func redacted(_ offering: CourseOffering, at centerId: UUID, for caller: Principal) -> CourseOffering {
        guard case .organization(let own) = Policy(caller).audience(at: centerId) else { return offering }
        var shown = offering
        shown.seatRequests = offering.seatRequests.filter { $0.organizationId == own }
        return shown
    }

    private func decide(
        _ course: CourseOffering, requests locked: [UUID: Request], asOf: CalendarDate, by actor: AuditActor,
        on connection: Connection
    ) throws {
        func move(_ id: UUID, to state: RequestState, reason: String, notice: NoticeEvent? = nil) throws {
            try self.move(locked[id], to: state, reason: reason, by: actor, notice: notice, on: connection)
        }
        let live = course.seatRequests.filter { $0.state.isLive }
        let seats = live.reduce(0) { $0 + $1.allotted }
        let runs = seats >= course.minEnrolment
        let reason =
            runs
            ? nil
            : "Only \(seats) seats were asked for by \(course.decisionDate), under the minimum enrolment of \(course.minEnrolment)."
        if let reason {
            try move(course.courseId, to: .cancelled, reason: reason, notice: .courseCancelled)
            for seat in live {
                try move(
                    seat.requestId, to: .cancelled, reason: "\(course.title) does not run: \(reason)",
                    notice: .courseCancelled)
            }
        } else {
            for seat in live where seat.allotted > 0 {
                if let request = locked[seat.requestId] {
                    try NoticeRepository().write(.seatsGranted(request, seats: seat.allotted), on: connection)
                }
            }
            for seat in live where seat.allotted == 0 {
                try move(
                    seat.requestId, to: .waitListed,
                    reason:
                        "\(course.title) is full: its \(course.capacity) seats were shared fairly among the requests before yours."
                )
            }
        }
        let decision = CourseOffering.Decision(
            decidedOn: asOf, runs: runs, seats: runs ? seats : 0, reason: reason)
        try decisions.record(
            decision, courseId: course.courseId, allotments: live.map { ($0.requestId, runs ? $0.allotted : 0) },
            on: connection)
        try AuditLog().record(
            actor, action: "decide", entity: "shared_course", id: course.courseId.uuidString, before: nil,
            after: decision, on: connection)
    }

    /// Moves a request (already locked) when its life cycle allows (a confirmed request is not wait-listed).
    private func move(
        _ request: Request?, to state: RequestState, reason: String, by actor: AuditActor, notice: NoticeEvent?,
        on connection: Connection
    ) throws {
        guard let request, request.state.successors.contains(state) else { return }
        _ = try RequestService.transition(
            request, to: state, reason: reason, by: actor, on: connection, notice: notice)
    }

    static func offerings(in centerId: UUID, on connection: Connection) throws -> [CourseOffering] {
        try Self.offerings(
            of: try RequestRepository().all(centerId: centerId, category: .sharedEmployee, on: connection),
            in: centerId,
            on: connection)
    }

    /// The offerings among a center's shared-employee requests `all`, with their seat requests.
    static func offerings(of all: [Request], in centerId: UUID, on connection: Connection) throws -> [CourseOffering] {
        let decided = try CourseDecisionRepository().decisions(centerId: centerId, on: connection)
        let allotted = try CourseDecisionRepository().allotments(centerId: centerId, on: connection)
        let timetables = try BookingRepository().courseTimetables(centerId: centerId, on: connection)
        var seatRequests: [UUID: [(request: Request, seats: Int)]] = [:]
        for request in all {
            guard case .sharedEmployee(let details) = request.details, let courseId = details.courseRequestId else {
                continue
            }
            seatRequests[courseId, default: []].append((request, details.seats ?? 0))
        }
        return all.compactMap { course in
            // an offering is validated with its decision date
            guard case .sharedEmployee(let offer) = course.details, offer.isOffering,
                let decisionDate = offer.decisionDate
            else { return nil }
            let asking = seatRequests[course.id] ?? []
            let liveAsks = asking.map { $0.request.state.isLive ? $0.seats : 0 }
            let preview = SeatAllocator.maxMinFair(capacity: offer.capacity ?? 0, demands: liveAsks)
            let seats = zip(asking, preview).map { ask, share in
                CourseOffering.SeatRequest(
                    requestId: ask.request.id, organizationId: ask.request.organizationId, state: ask.request.state,
                    asked: ask.seats,
                    allotted: decided[course.id] == nil ? share : allotted[ask.request.id] ?? 0)
            }
            return CourseOffering(
                courseId: course.id, offeredBy: course.organizationId, title: course.title, state: course.state,
                capacity: offer.capacity ?? 0, minEnrolment: offer.minEnrolment ?? 0, decisionDate: decisionDate,
                sessions: offer.sessions ?? 0, sessionMinutes: offer.sessionMinutes ?? 0, skill: offer.skill ?? "",
                seatRequests: seats, decision: decided[course.id], timetable: timetables[course.id] ?? [])
        }
    }
}
