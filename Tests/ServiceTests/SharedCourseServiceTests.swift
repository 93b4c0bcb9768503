import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Shared-employee courses: catalogue and go/no-go")
struct SharedCourseServiceTests {
    /// A dated course of `capacity` seats (minimum 8, decided on 2026-03-20) in a fresh center and one
    /// SME per entry of `asks`, each asking for that many seats, in order.
    func course(
        capacity: Int, asks: [Int], in db: Database
    ) async throws -> (center: CenterFixture, course: Request, seats: [Request]) {
        let center = try await CenterFixture(db)
        let requests = RequestService(database: db)
        let operatorId = center.center.operatorId
        let course = try await requests.create(
            NewRequest(
                organizationId: operatorId, title: "焊接机器人编程",
                details: .sharedEmployee(
                    .init(
                        capacity: capacity, minEnrolment: 8, decisionDate: CalendarDate(iso: "2026-03-20"), sessions: 6,
                        sessionMinutes: 180, skill: "welding.robot")),
                submit: true),
            in: center.center.id, as: .system)
        try await TestDatabase.dateCourse(course.id, on: db)
        var seats: [Request] = []
        for (index, count) in asks.enumerated() {
            let sme = try await OrganizationService(database: db).create(
                name: "中小企业 \(index) \(UUID().uuidString.prefix(6))", kind: .sme, as: .system)
            seats.append(
                try await requests.create(
                    NewRequest(
                        organizationId: sme.id, title: "座位 × \(count)",
                        details: .sharedEmployee(.init(courseRequestId: course.id, seats: count)), submit: true),
                    in: center.center.id, as: .system))
        }
        return (center, course, seats)
    }

    @Test("an oversubscribed course shares seats max-min fairly, then runs and wait-lists who got none")
    func oversubscribed() async throws {
        try await TestDatabase.withPool { db in
            let (center, course, seats) = try await course(capacity: 12, asks: [5, 4, 3, 3, 1], in: db)
            let service = SharedCourseService(database: db)
            let preview = try #require(try await service.catalogue(of: center.center.id, as: .system).first)
            #expect(preview.seatsRequested == 16 && preview.seatsLeft == 0)
            // 11 by shares of 2…, the last seat in order of asking
            #expect(preview.seatRequests.map(\.allotted) == [3, 3, 3, 2, 1])

            #expect(
                try await service.decide(in: center.center.id, asOf: CalendarDate(iso: "2026-03-19")!, as: .system)
                    .isEmpty)
            let decided = try await service.decide(
                in: center.center.id, asOf: CalendarDate(iso: "2026-03-20")!, as: .system)
            #expect(decided.map(\.courseId) == [course.id])
            #expect(
                decided.first?.decision
                    == CourseOffering.Decision(decidedOn: "2026-03-20", runs: true, seats: 12, reason: nil))
            #expect(decided.first?.state == .submitted)
            #expect(
                try await service.decide(in: center.center.id, asOf: CalendarDate(iso: "2026-03-25")!, as: .system)
                    .isEmpty,
                "deciding twice changes nothing")
            let requests = RequestService(database: db)
            for seat in seats { #expect(try await requests.request(seat.id, as: .system).state == .submitted) }
        }
    }

    @Test("a course under its minimum enrolment is cancelled, and every SME that asked is told why")
    func underMinimum() async throws {
        try await TestDatabase.withPool { db in
            let (center, course, seats) = try await course(capacity: 12, asks: [3, 2], in: db)
            let booking = try await RequestLifeCycleTests.book(course, on: center.workshop.id, days: 12, in: db)
            let service = SharedCourseService(database: db)
            let decided = try await service.decide(
                in: center.center.id, asOf: CalendarDate(iso: "2026-03-21")!, as: .system)
            #expect(decided.first?.decision?.runs == false)
            #expect(decided.first?.state == .cancelled)
            let requests = RequestService(database: db)
            #expect(
                try await requests.request(course.id, as: .system).reason?.contains("minimum enrolment of 8") == true)
            for seat in seats {
                let told = try await requests.request(seat.id, as: .system)
                #expect(told.state == .cancelled)
                #expect(told.reason?.contains("焊接机器人编程 does not run: Only 5 seats") == true)
            }
            let catalogue = try await service.catalogue(of: center.center.id, as: .system)
            #expect(catalogue.first?.seatRequests.map(\.allotted) == [0, 0])
            let released = try await RequestLifeCycleTests.states([booking], in: db).first
            #expect(
                released?.status == "cancelled" && released?.cancels == 1, "a course that does not run frees its rooms")
        }
    }

    @Test("who gets nothing from a full course is wait-listed with the reason")
    func waitListed() async throws {
        try await TestDatabase.withPool { db in
            let (center, _, seats) = try await course(capacity: 8, asks: [4, 4, 4, 4, 4, 4, 4, 4, 4], in: db)
            _ = try await SharedCourseService(database: db).decide(
                in: center.center.id, asOf: CalendarDate(iso: "2026-03-20")!, as: .system)
            let requests = RequestService(database: db)
            let states = try await seats.asyncMap { try await requests.request($0.id, as: .system) }
            #expect(states.prefix(8).allSatisfy { $0.state == .submitted })
            #expect(states.last?.state == .waitListed)
            #expect(states.last?.reason?.contains("is full") == true)
        }
    }
    @Test("the catalogue shows a coordinator only its own organization's seat requests, with every aggregate")
    func catalogueScope() async throws {
        try await TestDatabase.withPool { db in
            let (center, _, seats) = try await course(capacity: 12, asks: [5, 4, 3], in: db)
            let service = SharedCourseService(database: db)
            let full = try #require(try await service.catalogue(of: center.center.id, as: .system).first)
            #expect(full.seatRequests.count == 3)
            let own = seats[1].organizationId
            let coordinator = Principal(
                userId: UUID(), username: "sme", organizationId: own, grants: [RoleGrant(role: .enterpriseCoordinator)])
            let shown = try #require(try await service.catalogue(of: center.center.id, as: coordinator).first)
            #expect(shown.seatRequests.map(\.organizationId) == [own])
            #expect(shown.seatRequests.first?.allotted == full.seatRequests[1].allotted)
            #expect(
                (shown.capacity, shown.seatsRequested, shown.seatsLeft)
                    == (full.capacity, full.seatsRequested, full.seatsLeft))
            let otherManager = Principal(
                userId: UUID(), username: "mgr", organizationId: center.center.operatorId,
                grants: [RoleGrant(role: .centerManager, centerId: UUID())])
            #expect(try await service.catalogue(of: center.center.id, as: otherManager).first?.seatRequests == [])
            let manager = Principal(
                userId: UUID(), username: "mgr", organizationId: center.center.operatorId,
                grants: [RoleGrant(role: .centerManager, centerId: center.center.id)])
            #expect(try await service.catalogue(of: center.center.id, as: manager).first == full)
        }
    }

    @Test("only the center's managers decide; others are refused and nothing moves")
    func decideScope() async throws {
        try await TestDatabase.withPool { db in
            let (center, course, _) = try await course(capacity: 12, asks: [3], in: db)
            let coordinator = Principal(
                userId: UUID(), username: "sme", organizationId: UUID(),
                grants: [RoleGrant(role: .enterpriseCoordinator)])
            let refused = await #expect(throws: ServiceError.self) {
                try await SharedCourseService(database: db).decide(
                    in: center.center.id, asOf: CalendarDate(iso: "2026-03-21")!, as: coordinator)
            }
            guard case .forbidden = refused else {
                Issue.record("expected forbidden, got \(String(describing: refused))")
                return
            }
            #expect(try await RequestService(database: db).request(course.id, as: .system).state == .submitted)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
