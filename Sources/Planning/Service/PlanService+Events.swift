// Following a run (Server-Sent Events at the edge):
//
//   open:   read the run and authorize the caller (404 / 403), then take a stream slot: a leased row,
//           at most PlanLimits.eventStreamsPerUser live ones per user across all processes (429)
//   follow: until the run settles:
//             emit the run when it changed since the last emit, else a keep-alive
//             (an emit that fails means the client went away: stop at once)
//             sleep a poll interval; then in one connection: renew the slot, re-read the caller's
//             standing (account enabled, token live, grants) and re-authorize it, re-read the run
//             (access lost or run gone: emit accessLost and stop)
//           emit the settled run; always free the slot — nothing polls after the stream ends

public import Access
import Database
public import Domain
public import Foundation
import Repositories

/// An open plan-event stream: its slot and the run as it was when the stream opened.
public struct PlanEventStream: Sendable {
    public let id: UUID
    public let plan: Plan
}

/// What a stream tells its client.
public enum PlanEvent: Sendable, Equatable {
    /// The run changed (status or progress) and is not settled yet.
    case progress(Plan)
    /// Nothing changed since the last event: a keep-alive that also tells whether the client is still there.
    case unchanged
    /// The run settled (succeeded, failed, published, cancelled); the stream ends.
    case settled(Plan)
    /// The caller may no longer read the run; the stream ends.
    case accessLost
}

extension PlanService {
    /// Opens a stream of a run's events for the caller.
    /// - Throws: ``ServiceError``: `.notFound`; `.forbidden`; `.throttled` when the caller already
    ///   holds ``PlanLimits/eventStreamsPerUser`` open streams.
    public func openEvents(of planId: UUID, as caller: Principal) async throws -> PlanEventStream {
        let (plans, limits) = (plans, limits)
        return try await database.withTransaction { connection in
            guard let found = try plans.find(id: planId, on: connection) else {
                throw ServiceError.notFound(entity: "plan")
            }
            let plan = try Self.readable(found, by: caller)
            guard
                let id = try PlanEventStreamRepository().open(
                    userId: caller.userId, planId: planId, cap: limits.eventStreamsPerUser, lease: limits.streamLease,
                    on: connection)
            else {
                throw ServiceError.throttled(retryAfter: Int(limits.pollInterval / .seconds(1)) + 1)
            }
            return PlanEventStream(id: id, plan: plan)
        }
    }

    /// Follows an open stream (see the steps above) and frees its slot when it ends, however it ends.
    /// - Parameter emit: sends one event to the client; throws when the client went away.
    public func follow(
        _ stream: PlanEventStream, as caller: Principal, emit: (PlanEvent) async throws -> Void
    ) async throws {
        do {
            try await followUntilSettled(stream, as: caller, emit: emit)
        } catch {
            await close(stream)
            throw error
        }
        await close(stream)
    }

    private func followUntilSettled(
        _ stream: PlanEventStream, as caller: Principal, emit: (PlanEvent) async throws -> Void
    ) async throws {
        var plan = stream.plan
        var sent: Plan?
        while !plan.status.isSettled {
            try await emit(plan == sent ? .unchanged : .progress(plan))
            sent = plan
            try await Task.sleep(for: limits.pollInterval)
            guard let next = try await poll(stream, as: caller) else {
                try await emit(.accessLost)
                return
            }
            plan = next
        }
        try await emit(.settled(plan))
    }

    /// Renews the slot, re-checks the caller and re-reads the run; `nil` when the caller lost access.
    private func poll(_ stream: PlanEventStream, as caller: Principal) async throws -> Plan? {
        let (plans, limits) = (plans, limits)
        return try await database.withConnection { connection in
            try PlanEventStreamRepository().renew(id: stream.id, lease: limits.streamLease, on: connection)
            guard let current = try Self.standing(of: caller, on: connection),
                let plan = try plans.find(id: stream.plan.id, on: connection)
            else { return nil }
            return try? Self.readable(plan, by: current)
        }
    }

    /// The caller as it stands now (its current grants), `nil` when its account or token no longer works.
    static func standing(of caller: Principal, on connection: Connection) throws -> Principal? {
        guard !caller.isSystem else { return caller }
        guard
            let grants = try CallerStandingRepository().grants(
                userId: caller.userId, tokenId: caller.tokenId, now: Date(), on: connection)
        else { return nil }
        return Principal(
            userId: caller.userId, username: caller.username, organizationId: caller.organizationId,
            grants: grants.compactMap { grant in
                Role(rawValue: grant.role).map {
                    RoleGrant(role: $0, centerId: grant.centerId, instructorId: grant.instructorId)
                }
            }, tokenId: caller.tokenId, tokenRole: caller.tokenRole)
    }

    /// Frees a stream's slot, even when the task following it was cancelled.
    private func close(_ stream: PlanEventStream) async {
        let database = database
        await Task {
            _ = try? await database.withConnection { try PlanEventStreamRepository().close(id: stream.id, on: $0) }
        }.value
    }
}
