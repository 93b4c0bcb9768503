public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// The center a person works in (their workplace), chosen explicitly and remembered per user.
public struct Workplace: Sendable {
    /// The center the caller works in now; `nil` when there is no center yet.
    public let current: Center?
    /// The centers the caller may switch to: every center they may read, the first 200 by name,
    /// then their current center and the centers they manage if those were not among them.
    public let choices: [Center]
    /// Whether the caller manages ``current`` (a center manager of it, or an admin).
    public let manages: Bool
}

extension CenterService {
    /// The center the caller works in: the one they chose (while they may still read it), else
    /// the first one they manage, else the consortium's first.
    /// - Returns: `nil` when there is no center yet.
    public func workplace(as caller: Principal) async throws -> Center? {
        try await database.withConnection { try self.workplace(on: $0, as: caller) }
    }

    /// The caller's workplace and the centers they may switch to, for the pages' header.
    public func workplaces(as caller: Principal) async throws -> Workplace {
        try Policy(caller).authorize(.read, .consortium, entity: "center")
        return try await database.withConnection { connection in
            let current = try self.workplace(on: connection, as: caller)
            let manages = current.map { Policy(caller).decide(.change, .center($0.id)) == .allowed } ?? false
            return Workplace(
                current: current, choices: try self.choices(current: current, on: connection, as: caller),
                manages: manages)
        }
    }

    /// The first 200 centers by name, and the caller's own beyond them, so that a consortium with
    /// more centers never hides the one a person works in.
    private func choices(current: Center?, on connection: Connection, as caller: Principal) throws -> [Center] {
        var listed = try centers.list(limit: 200, offset: 0, on: connection)
        let own = caller.grants.compactMap(\.centerId) + [current?.id].compactMap { $0 }
        for id in own where !listed.contains(where: { $0.id == id }) {
            if let center = try centers.find(id: id, on: connection) { listed.append(center) }
        }
        return listed
    }

    /// Makes `centerId` the caller's workplace from now on, and audits the choice.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center (or one the caller may not
    ///   know), `.forbidden` for the system principal (it has no account to remember it for).
    public func chooseWorkplace(_ centerId: UUID, as caller: Principal) async throws -> Center {
        try await database.withTransaction { connection in
            guard let center = try self.centers.find(id: centerId, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            guard !caller.isSystem else {
                throw ServiceError.forbidden("The system has no workplace to choose.", rule: "systemAccount")
            }
            let before = try WorkplaceRepository().choose(centerId, by: caller.userId, on: connection)
            try self.audit.record(
                caller.actor, action: "choose_workplace", entity: "user", id: caller.userId.uuidString,
                before: before.map { ["centerId": $0] }, after: ["centerId": centerId], on: connection)
            return center
        }
    }

    /// The caller's workplace, which they must manage, for a manager's pages.
    /// - Throws: ``ServiceError``: `.notFound` without any center, `.forbidden` when the caller
    ///   does not manage the center they work in.
    public func managedCenter(as caller: Principal) async throws -> Center {
        guard let center = try await workplace(as: caller) else { throw ServiceError.notFound(entity: "center") }
        try Policy(caller).authorize(.change, .center(center.id), entity: "center")
        return center
    }

    private func workplace(on connection: Connection, as caller: Principal) throws -> Center? {
        let policy = Policy(caller)
        if !caller.isSystem, let chosen = try WorkplaceRepository().chosen(by: caller.userId, on: connection),
            policy.decide(.read, .center(chosen)) == .allowed,
            let center = try centers.find(id: chosen, on: connection)
        {
            return center
        }
        if let id = caller.managedCenters.min(by: { $0.uuidString < $1.uuidString }),
            let center = try centers.find(id: id, on: connection)
        {
            return center
        }
        try policy.authorize(.read, .consortium, entity: "center")
        return try centers.list(limit: 1, offset: 0, on: connection).first
    }
}
