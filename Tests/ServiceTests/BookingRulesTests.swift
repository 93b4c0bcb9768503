import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// A person's direct booking follows the planner's rules: no past times, a category the
/// organization does, participants within the seats; each refusal names its field and rule.
@Suite("Direct booking rules")
struct BookingRulesTests {
    @Test(
        "a manager's booking in the past, of a category the school does not do, or over the seats is refused",
        arguments: [
            ("past", 8, 10, Category.studentTraining, nil as Int?, "start"),
            ("categoryForOrganization", 14, 16, .pilotProduction, nil, "category"),
            ("seats", 14, 16, .studentTraining, 500, "participants"),
        ])
    func refused(rule: String, from: Int, to: Int, category: Category, participants: Int?, field: String) async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            // it is noon of the booking day
            let service = BookingService(database: db, now: { CenterFixture.time(12) })
            var input = center.booking([.init(resourceId: center.lathe.id)], from: from, to: to, category: category)
            input.participants = participants
            let error = await #expect(throws: ServiceError.self) {
                try await service.book(input, in: center.center.id, as: manager)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected 422, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field && problem.rule == rule)
        }
    }

    @Test("a booking from now on, of the school's category and within the seats is taken; the system records the past")
    func accepted() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let service = BookingService(database: db, now: { CenterFixture.time(12) })
            var input = center.booking([.init(resourceId: center.pool.id, stations: 4)], from: 14, to: 16)
            input.participants = 40
            _ = try await service.book(input, in: center.center.id, as: manager)
            _ = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id,
                as: .system)
        }
    }
}
