public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension AttendanceService {
    /// No-shows per organization at a center for sessions starting in `[from, to)`: absent and late
    /// marks of its people, and its sessions that did not take place. Counts, no names: the center's
    /// management figures, read by its managers (and admins and auditors).
    /// - Throws: `.notFound`, `.forbidden`, `.invalid` (`to` `afterFrom`, `range`).
    public func noShows(at centerId: UUID, from: Date, to: Date, as caller: Principal) async throws -> [NoShows] {
        guard from < to, to.timeIntervalSince(from) <= 366 * 86_400 else {
            throw ServiceError.invalid(
                DomainError(
                    field: "to", rule: "range", message: "The period must end after it starts and span at most a year.")
            )
        }
        let attendance = attendance
        return try await database.reading(isolation: .readCommitted) { connection in
            guard try CenterRepository().find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .plans(centerId: centerId), entity: "center")
            try connection.planForParameterValues()
            return try attendance.noShows(centerId: centerId, from: from, to: to, on: connection)
        }
    }

    /// A request's hours per participant: planned against delivered (see
    /// ``Repositories/AttendanceRepository/hoursDelivered(requestId:on:)``).
    /// - Throws: `.notFound` for a request the caller may not see.
    public func hoursDelivered(for requestId: UUID, as caller: Principal) async throws -> HoursDelivered {
        let attendance = attendance
        return try await database.withConnection { connection in
            guard let request = try RequestRepository().find(id: requestId, on: connection) else {
                throw ServiceError.notFound(entity: "request")
            }
            try Policy(caller).authorize(.read, .work(Work(request)), entity: "request")
            return try attendance.hoursDelivered(requestId: requestId, on: connection)
        }
    }
}
