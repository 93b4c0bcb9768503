public import Access
public import Database
public import Domain
public import Foundation
import Repositories

extension RequestService {
    /// Moves a request one step through its life cycle, at the version the caller last saw.
    /// Submitting and cancelling (withdrawing) are the requester's changes; every other step is a
    /// manager's decision. A request cancelled or rejected releases its future bookings.
    /// - Throws: `.notFound` (also for a request the caller may not know of); `.forbidden`;
    ///   `.staleVersion`; `.conflict` naming the current state; `.invalid` when a rejection or
    ///   wait-listing comes without a reason, or the reason is not a short text.
    public func move(
        _ id: UUID, to state: RequestState, reason: String?, version: Int, as caller: Principal
    ) async throws -> Request {
        let reason = try Self.validatedReason(reason, for: state)
        return try await database.withTransaction { connection in
            try self.move(id, to: state, reason: reason, version: version, on: connection, as: caller)
        }
    }

    /// ``move(_:to:reason:version:as:)`` inside the caller's transaction, the reason checked.
    func move(
        _ id: UUID, to state: RequestState, reason: String?, version: Int, on connection: Connection,
        as caller: Principal
    ) throws -> Request {
        guard let request = try requests.find(id: id, forUpdate: true, on: connection) else {
            throw ServiceError.notFound(entity: "request")
        }
        let action: Policy.Action = [.submitted, .cancelled].contains(state) ? .change : .decide
        try Policy(caller).authorize(action, .work(Work(request)), entity: "request")
        guard request.version == version else { throw ServiceError.staleVersion(current: request.version) }
        guard request.state.successors.contains(state) else {
            throw ServiceError.conflict(
                "The request “\(request.title)” in state \(request.state.rawValue) cannot become \(state.rawValue).",
                rule: "transition")
        }
        return try Self.transition(request, to: state, reason: reason, by: caller.actor, on: connection)
    }

    /// Moves a locked request to `state` and records the transition, in the caller's transaction
    /// (the caller has checked that the step is allowed). Moving it to cancelled or rejected
    /// cancels its confirmed bookings that have not started, one audit row each. The requester's
    /// coordinators (or, for a submission, the center's managers) are told through the outbox, of
    /// `event` when given (else the move's own, ``NoticeEvent/init(moving:from:)``). Cancelling a
    /// seat request of a course that runs promotes wait-listed SMEs into the seats it frees.
    /// Public for the planner's publishing.
    public static func transition(
        _ request: Request, to state: RequestState, reason: String?, by actor: AuditActor, on connection: Connection,
        notice event: NoticeEvent? = nil
    ) throws -> Request {
        let moved = try RequestRepository().move(request, to: state, reason: reason, on: connection)
        try AuditLog().record(
            actor, action: "transition", entity: "request", id: request.id.uuidString, before: request, after: moved,
            on: connection)
        if let notice = NoticeDraft.request(moved, from: request.state, event: event) {
            try NoticeRepository().write(notice, on: connection)
        }
        if state == .cancelled || state == .rejected {
            try releaseBookings(of: request.id, by: actor, on: connection)
        }
        if state == .cancelled && request.state.isLive && request.state != .waitListed {
            try SharedCourseService.promoteWaitListed(after: moved, by: actor, on: connection)
        }
        return moved
    }

    /// Cancels the confirmed bookings of a request that start after now, so their time is free.
    static func releaseBookings(of requestId: UUID, by actor: AuditActor, on connection: Connection) throws {
        for booking in try BookingRepository().future(ofRequest: requestId, after: Date(), on: connection) {
            _ = try BookingService.cancel(booking, by: actor, on: connection)
        }
    }

    /// The reason trimmed (`nil` when empty), required for a rejection or wait-listing.
    static func validatedReason(_ reason: String?, for state: RequestState) throws -> String? {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if state.needsReason && reason == nil {
            throw Self.invalid(
                "reason", "required",
                "Say why the request is \(state.rawValue.replacingOccurrences(of: "_", with: "-")): the requester sees it."
            )
        }
        if let reason {
            do throws(DomainError) { _ = try Validate.name(reason, field: "reason") } catch {
                throw ServiceError.invalid(error)
            }
        }
        return reason
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
