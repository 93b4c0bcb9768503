import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// A request's bookings follow its life cycle: cancelled, rejected or withdrawn, its bookings
/// that have not started are cancelled in the same transaction, one audit row each.
@Suite("Requests release their bookings")
struct RequestLifeCycleTests {
    /// A confirmed booking of `request` on `resource`, `days` from now (negative: in the past),
    /// written as a published plan writes it.
    static func book(
        _ request: Request, on resource: UUID, days: Double, in db: Database
    ) async throws -> UUID {
        let id = UUID()
        let start = Date().addingTimeInterval(days * 86_400)
        try await db.query(
            """
            SELECT insert_booking(\(id), \(request.centerId), \(request.organizationId), \(request.id),
                   \(request.category.rawValue)::category, \(request.title),
                   tstzrange(\(start), \(start.addingTimeInterval(7_200))), NULL::uuid, 0,
                   \([resource.uuidString.lowercased()])::uuid[], '{0}'::int4[], '{}'::uuid[])
            """)
        return id
    }

    /// Each booking's status, and how many `cancel` audit rows name it.
    static func states(_ ids: [UUID], in db: Database) async throws -> [(status: String, cancels: Int)] {
        try await ids.asyncMap { id in
            let row = try await db.query(
                """
                SELECT status::text AS status,
                       (SELECT count(*) FROM audit_log a
                        WHERE a.entity = 'booking' AND a.action = 'cancel' AND a.entity_id = \(id.uuidString))::int8 AS cancels
                FROM bookings WHERE id = \(id)
                """
            ).first!
            return (try row.decode("status", as: String.self), try row.decode("cancels", as: Int.self))
        }
    }

    /// A coordinator of `organizationId` with an account, so the audit trail can name them.
    static func coordinator(of organizationId: UUID, role: Role, in db: Database) async throws -> Principal {
        let username = "coord-\(UUID().uuidString.prefix(8).lowercased())"
        let userId: UUID = try await db.query(
            """
            INSERT INTO users (organization_id, username, display_name) VALUES (\(organizationId), \(username), '协调员')
            RETURNING id
            """
        ).first!.decode("id")
        return Principal(
            userId: userId, username: username, organizationId: organizationId, grants: [RoleGrant(role: role)])
    }

    @Test("rejecting or cancelling a request cancels its future bookings, audited; past ones stay")
    func rejectAndCancel() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await RequestServiceTests.Setting(db)
            let service = RequestService(database: db)
            for (index, target) in [RequestState.rejected, .cancelled].enumerated() {
                let shift = Double(index) / 2  // half a day apart: the past booking of the first stays
                var input = setting.upskilling
                input.submit = true
                let request = try await service.create(input, in: setting.center.center.id, as: .system)
                let past = try await Self.book(request, on: setting.center.lathe.id, days: -3 + shift, in: db)
                let future = [
                    try await Self.book(request, on: setting.center.lathe.id, days: 10 + shift, in: db),
                    try await Self.book(request, on: setting.center.lathe.id, days: 17 + shift, in: db),
                ]
                let moved = try await service.move(
                    request.id, to: target, reason: "场地检修", version: request.version, as: .system)
                #expect(moved.state == target)
                let states = try await Self.states([past] + future, in: db)
                #expect(states[0].status == "confirmed" && states[0].cancels == 0, "a past session is history")
                #expect(states.dropFirst().allSatisfy { $0.status == "cancelled" && $0.cancels == 1 }, "\(target)")
            }
        }
    }

    @Test("a coordinator withdrawing its request frees its future bookings, in the coordinator's name")
    func withdraw() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await RequestServiceTests.Setting(db)
            let service = RequestService(database: db)
            let coordinator = try await Self.coordinator(
                of: setting.enterprise.id, role: .enterpriseCoordinator, in: db)
            var input = setting.upskilling
            input.submit = true
            let request = try await service.create(input, in: setting.center.center.id, as: coordinator)
            let booking = try await Self.book(request, on: setting.center.mill.id, days: 5, in: db)
            _ = try await service.move(
                request.id, to: .cancelled, reason: nil, version: request.version, as: coordinator)
            #expect(try await Self.states([booking], in: db).first?.status == "cancelled")
            let actor: UUID? = try await db.query(
                "SELECT user_id FROM audit_log WHERE entity = 'booking' AND entity_id = \(booking.uuidString)"
            ).first?.decode("user_id")
            #expect(actor == coordinator.userId)
        }
    }

    @Test("another organization's coordinator cannot withdraw the request, and its bookings stay")
    func foreignWithdraw() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await RequestServiceTests.Setting(db)
            let service = RequestService(database: db)
            var input = setting.upskilling
            input.submit = true
            let request = try await service.create(input, in: setting.center.center.id, as: .system)
            let booking = try await Self.book(request, on: setting.center.mill.id, days: 5, in: db)
            let stranger = try await Self.coordinator(of: setting.sme.id, role: .enterpriseCoordinator, in: db)
            let refused = await #expect(throws: ServiceError.self) {
                try await service.move(request.id, to: .cancelled, reason: nil, version: request.version, as: stranger)
            }
            #expect(refused == .notFound(entity: "request"))
            #expect(try await Self.states([booking], in: db).first?.status == "confirmed")
        }
    }
}
