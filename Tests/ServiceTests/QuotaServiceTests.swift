import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Quotas per organization: set by managers, kept by direct booking")
struct QuotaServiceTests {
    /// The quota a refused booking names, or `nil` (an issue recorded) when it was not refused for one.
    func refusal<T>(_ body: () async throws -> T) async -> QuotaUse? {
        do {
            let result = try await body()
            Issue.record("expected a quota refusal, got \(result)")
        } catch ServiceError.quotaExceeded(let use) {
            return use
        } catch {
            Issue.record("expected a quota refusal, got \(error)")
        }
        return nil
    }

    @Test("a booking past a monthly quota is refused (409) naming the quota and the hours left; up to it is booked")
    func monthlyQuota() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            let quota = try await scene.limit(
                NewQuota(organizationId: center.school.id, resourceId: center.lathe.id, period: .month, hours: 4))
            try await scene.book(center.lathe, 8, 11)
            let use = try #require(await refusal { try await scene.book(center.lathe, 14, 16) })
            #expect(use.quota.id == quota.id)
            #expect(use.hoursUsed == 3 && use.hoursLeft == 1)
            #expect(use.sentence.contains("1 h left"))
            // another resource is not counted; the last hour of the lathe is still bookable
            try await scene.book(center.mill, 14, 16)
            try await scene.book(center.lathe, 14, 15)
            let left = try await scene.quotas.quotas(of: center.center.id, at: CenterFixture.time(9), as: .system)
            #expect(left.map(\.hoursLeft) == [0])
        }
    }

    @Test("weeks are ISO weeks: a full week does not limit the next Monday")
    func weekBoundary() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            try await scene.limit(NewQuota(organizationId: center.school.id, period: .week, hours: 2))
            try await scene.book(center.lathe, 8, 10, day: 6)
            try await scene.book(center.lathe, 8, 10, day: 9)
            let use = try #require(await refusal { try await scene.book(center.mill, 8, 9, day: 2) })
            #expect(use.hoursLeft == 0)
            #expect(use.windowStart == CenterFixture.time(0, day: 2) && use.windowEnd == CenterFixture.time(0, day: 9))
        }
    }

    @Test("windows are counted in the center's time zone: month and week start at local midnight")
    func windowsInTheCentersZone() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            try await scene.limit(NewQuota(organizationId: scene.center.school.id, period: .month, hours: 10))
            // 2026-03-31T23:30Z is 2026-04-01 07:30 in Shanghai: April's window
            let late = Date(timeIntervalSince1970: 1_774_999_800)
            let april = try #require(
                try await scene.quotas.quotas(of: scene.center.center.id, at: late, as: .system).first)
            #expect(april.windowStart == CenterFixture.time(0, day: 32))
            #expect(april.windowEnd == CenterFixture.time(0, day: 62))
        }
    }

    @Test("a term quota counts the term holding the booking; outside every term it does not limit")
    func termQuota() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            _ = try await TermService(database: db).create(
                NewTerm(name: "春季学期", firstDay: CalendarDate(iso: "2026-03-02")!, weeks: 2), in: center.center.id,
                as: .system)
            try await scene.limit(NewQuota(organizationId: center.school.id, period: .term, hours: 3))
            try await scene.book(center.lathe, 8, 10, day: 2)
            try await scene.book(center.lathe, 8, 9, day: 13)
            let use = try #require(await refusal { try await scene.book(center.lathe, 8, 9, day: 11) })
            #expect(use.hoursUsed == 3)
            // 2026-03-16 is after the two-week term: no term, no limit
            try await scene.book(center.lathe, 8, 12, day: 16)
        }
    }

    @Test("cancelled bookings do not count: cancelling one frees its hours")
    func cancellingFreesHours() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            try await scene.limit(
                NewQuota(organizationId: center.school.id, category: .studentTraining, period: .week, hours: 2))
            let first = try await scene.book(center.lathe, 8, 10)
            _ = await refusal { try await scene.book(center.mill, 8, 9) }
            _ = try await scene.bookings.cancel(first.id, version: first.version, as: .system)
            try await scene.book(center.mill, 8, 10)
        }
    }

    @Test("a capability quota counts only resources with that capability")
    func capabilityQuota() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            try await scene.limit(
                NewQuota(organizationId: center.school.id, capability: "cnc.5axis", period: .week, hours: 1))
            try await scene.book(center.lathe, 8, 12)
            try await scene.book(center.mill, 8, 9)
            _ = await refusal { try await scene.book(center.mill, 9, 10) }
        }
    }

    @Test("8 concurrent one-hour bookings against a 3-hour quota: exactly 3 are booked, the others refused by it")
    func concurrentRace() async throws {
        try await TestDatabase.withPool(maxConnections: 8) { db in
            let scene = try await QuotaScene(db)
            try await scene.limit(NewQuota(organizationId: scene.center.school.id, period: .week, hours: 3))
            let outcomes = await withTaskGroup(of: String.self) { group in
                for hour in 8..<16 {
                    group.addTask {
                        do {
                            try await scene.book(scene.center.lathe, hour, hour + 1)
                            return "booked"
                        } catch ServiceError.quotaExceeded {
                            return "quota"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "booked" }.count == 3)
            #expect(outcomes.filter { $0 == "quota" }.count == 5)
        }
    }

    @Test("moving a booking past the quota is refused; a series stops at it, each refused week saying why")
    func moveAndSeries() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await QuotaScene(db)
            let center = scene.center
            try await scene.limit(NewQuota(organizationId: center.school.id, period: .week, hours: 2))
            let booked = try await scene.book(center.lathe, 8, 10)
            _ = await refusal {
                try await scene.bookings.move(
                    booked.id, BookingChange(end: CenterFixture.time(11), reason: "longer"), version: booked.version,
                    as: .system)
            }
            let outcome = try await scene.bookings.bookSeries(
                NewBookingSeries(booking: scene.booking(center.mill, 14, 16), weeks: 3, preview: true),
                in: center.center.id, as: .system)
            #expect(outcome.occurrences.map(\.rule) == ["quota", nil, nil])
        }
    }

    @Test("only the center's managers set quotas; coordinators read their own; auditors read all")
    func authorization() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let quotas = QuotaService(database: db)
            let other = try await OrganizationService(database: db).create(
                name: "企业 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
            let input = NewQuota(organizationId: center.school.id, period: .month, hours: 20)
            await #expect(throws: ServiceError.self) {
                try await quotas.set(input, in: center.center.id, as: .coordinator(of: center.school.id))
            }
            let manager = try await center.manager()
            let own = try await quotas.set(input, in: center.center.id, as: manager)
            _ = try await quotas.set(
                NewQuota(organizationId: other.id, period: .week, hours: 5), in: center.center.id, as: manager)
            let school = try await quotas.quotas(of: center.center.id, as: .coordinator(of: center.school.id))
            #expect(school.map(\.quota.id) == [own.id])
            #expect(try await quotas.quotas(of: center.center.id, as: .coordinator(of: UUID())).isEmpty)
            let auditor = Principal(
                userId: UUID(), username: "auditor", organizationId: UUID(), grants: [RoleGrant(role: .auditor)])
            #expect(try await quotas.quotas(of: center.center.id, as: auditor).count == 2)
            await #expect(throws: ServiceError.notFound(entity: "quota")) {
                try await quotas.quota(own.id, as: .coordinator(of: other.id))
            }
            await #expect(
                throws: ServiceError.forbidden(
                    "Only a manager of this center sets its quotas.", rule: "quotaManagers")
            ) {
                try await quotas.remove(own.id, as: .coordinator(of: center.school.id))
            }
            let changed = try await quotas.change(
                own.id, to: NewQuota(organizationId: center.school.id, period: .month, hours: 30), version: 1,
                as: manager)
            #expect(changed.hours == 30 && changed.version == 2)
            await #expect(throws: ServiceError.staleVersion(current: 2)) {
                try await quotas.change(own.id, to: input, version: 1, as: manager)
            }
            try await quotas.remove(own.id, as: manager)
        }
    }

    @Test(
        "bad quotas are refused naming field and rule",
        arguments: [
            ("hours", "range"), ("capability", "resourceOrCapability"), ("capability", "tag"),
            ("organizationId", "exists"), ("resourceId", "exists"),
        ])
    func validation(field: String, rule: String) async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            var input = NewQuota(organizationId: center.school.id, period: .week, hours: 5)
            switch (field, rule) {
            case ("hours", _): input.hours = 0
            case ("capability", "tag"): input.capability = "Not A Tag"
            case ("capability", _): (input.capability, input.resourceId) = ("cnc.5axis", center.mill.id)
            case ("organizationId", _): input.organizationId = UUID()
            default: input.resourceId = UUID()
            }
            do {
                _ = try await QuotaService(database: db).set(input, in: center.center.id, as: .system)
                Issue.record("expected a refusal")
            } catch ServiceError.invalid(let error) {
                #expect(error.field == field && error.rule == rule)
            }
        }
    }
}

/// The fixture center with its quota and booking services: sets quotas and books for its school as the system.
private struct QuotaScene: Sendable {
    let center: CenterFixture
    let quotas: QuotaService
    let bookings: BookingService

    init(_ db: Database) async throws {
        center = try await CenterFixture(db)
        quotas = QuotaService(database: db)
        bookings = BookingService(database: db, now: TestClock.term)
    }

    @discardableResult
    func limit(_ quota: NewQuota) async throws -> Quota {
        try await quotas.set(quota, in: center.center.id, as: .system)
    }

    /// A booking of the school on `resource` from `from` to `to` o'clock on March `day`.
    func booking(_ resource: Resource, _ from: Int, _ to: Int, day: Int = 2) -> NewBooking {
        NewBooking(
            organizationId: center.school.id, category: .studentTraining, title: "数控实训",
            start: CenterFixture.time(from, day: day), end: CenterFixture.time(to, day: day),
            resources: [.init(resourceId: resource.id)])
    }

    @discardableResult
    func book(_ resource: Resource, _ from: Int, _ to: Int, day: Int = 2) async throws -> Booking {
        try await bookings.book(booking(resource, from, to, day: day), in: center.center.id, as: .system)
    }
}
