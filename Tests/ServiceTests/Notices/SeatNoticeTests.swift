import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// The seat notices of shared-employee courses, written with the change they tell: seats granted
/// at a decision, wait-listed when the course is full, promoted when a cancellation frees seats.
@Suite("Seat notices")
struct SeatNoticeTests {
    /// The events of the notices `caller` has, oldest first.
    func events(of caller: Principal, in db: Database) async throws -> [String] {
        try await NoticeService(database: db).notices(page: Page(limit: 100, offset: 0), as: caller).reversed()
            .map(\.event)
    }

    @Test("a course that runs tells each SME its seats or its wait-listing; a cancellation promotes the first waiting")
    func grantedWaitListedPromoted() async throws {
        try await TestDatabase.withPool { db in
            // eight seats for nine SMEs: eight get one each, the last (asking for two) waits
            let (center, _, seats) = try await SharedCourseServiceTests().course(
                capacity: 8, asks: [1, 1, 1, 1, 1, 1, 1, 1, 2], in: db)
            let first = try await NoticeFixture.account(in: seats[0].organizationId, .enterpriseCoordinator, db)
            let last = try await NoticeFixture.account(in: seats[8].organizationId, .enterpriseCoordinator, db)
            let service = SharedCourseService(database: db)
            _ = try await service.decide(in: center.center.id, asOf: CalendarDate(iso: "2026-03-20")!, as: .system)
            #expect(try await events(of: first, in: db) == ["seat.granted"])
            #expect(try await events(of: last, in: db) == ["seat.wait_listed"])
            let granted = try await NoticeService(database: db).notices(page: Page(limit: 1, offset: 0), as: first)
            #expect(granted.first?.body.contains("贵单位席位：1 个") == true)

            let requests = RequestService(database: db)
            _ = try await requests.move(
                seats[0].id, to: .cancelled, reason: nil, version: seats[0].version, as: .system)
            #expect(try await events(of: last, in: db) == ["seat.wait_listed", "seat.promoted"])
            #expect(try await requests.request(seats[8].id, as: .system).state == .submitted)
            let course = try #require(try await service.catalogue(of: center.center.id, as: .system).first)
            #expect(course.seatRequests.last?.allotted == 1, "the freed seat, not the two asked for")
            #expect(course.seatRequests.first?.state == .cancelled)
        }
    }

    @Test("cancelling a seat of a course that does not run (or is undecided) promotes nobody")
    func noPromotionBeforeDecision() async throws {
        try await TestDatabase.withPool { db in
            let (_, _, seats) = try await SharedCourseServiceTests().course(capacity: 8, asks: [4, 4], in: db)
            let second = try await NoticeFixture.account(in: seats[1].organizationId, .enterpriseCoordinator, db)
            _ = try await RequestService(database: db).move(
                seats[0].id, to: .cancelled, reason: nil, version: seats[0].version, as: .system)
            #expect(try await events(of: second, in: db).isEmpty)
        }
    }
}
