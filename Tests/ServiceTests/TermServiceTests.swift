import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Terms of a center and requests naming their teaching weeks")
struct TermServiceTests {
    static let spring = NewTerm(
        name: "2026春季学期", firstDay: CalendarDate(iso: "2026-03-02")!, weeks: 18,
        weeksOff: [WeekOff(week: 18, name: "考试周")])

    static func refusal(_ body: () async throws -> Void) async -> ServiceError? {
        do {
            try await body()
            return nil
        } catch { return error as? ServiceError }
    }

    static func invalid(_ error: ServiceError?) -> String? {
        if case .invalid(let domain) = error { return "\(domain.field) \(domain.rule)" }
        return nil
    }

    @Test("terms are created and read; overlapping terms of one center are a 422 on firstDay; a school may not create")
    func createAndOverlap() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let terms = TermService(database: db)
            // the manager reads; writes run as the system (a test principal has no account to audit)
            let manager = Principal.manager(of: center.center.id)
            let term = try await terms.create(Self.spring, in: center.center.id, as: .system)
            #expect(term.version == 1 && term.weeksOff == [WeekOff(week: 18, name: "考试周")])
            var autumn = Self.spring
            autumn.name = "重叠学期"
            autumn.firstDay = CalendarDate(iso: "2026-06-29")!  // week 18 of spring
            let overlap = await Self.refusal { _ = try await terms.create(autumn, in: center.center.id, as: .system) }
            #expect(Self.invalid(overlap) == "firstDay overlap")
            autumn.firstDay = CalendarDate(iso: "2026-07-06")!
            _ = try await terms.create(autumn, in: center.center.id, as: .system)
            let school = Principal.coordinator(of: center.school.id)
            let forbidden = await Self.refusal { _ = try await terms.create(autumn, in: center.center.id, as: school) }
            #expect(forbidden != nil && Self.invalid(forbidden) == nil)
            #expect(try await terms.terms(of: center.center.id, as: manager).map(\.name) == ["2026春季学期", "重叠学期"])
            var tuesday = Self.spring
            tuesday.firstDay = CalendarDate(iso: "2027-03-02")!
            let notMonday = await Self.refusal {
                _ = try await terms.create(tuesday, in: center.center.id, as: manager)
            }
            #expect(Self.invalid(notMonday) == "firstDay monday")
        }
    }

    @Test("a term is replaced at the version read (412 when stale) and deleted only while no request names it")
    func editAndDelete() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await RequestServiceTests.Setting(db)
            let centerId = setting.center.center.id
            let terms = TermService(database: db)
            let term = try await terms.create(Self.spring, in: centerId, as: .system)
            var renamed = Self.spring
            renamed.name = "2026年春季学期"
            let replaced = try await terms.replace(term.id, with: renamed, version: 1, as: .system)
            #expect(replaced.version == 2 && replaced.name == "2026年春季学期")
            let stale = await Self.refusal {
                _ = try await terms.replace(term.id, with: renamed, version: 1, as: .system)
            }
            guard case .staleVersion(current: 2)? = stale else {
                Issue.record("expected a stale version, got \(String(describing: stale))")
                return
            }
            var training = setting.training
            guard case .studentTraining(var details) = training.details else { return }
            details.termId = term.id
            details.teachingWeeks = WeeksPattern("3-8,11-16")
            training.details = .studentTraining(details)
            let request = try await RequestService(database: db).create(training, in: centerId, as: .system)
            guard case .studentTraining(let stored) = request.details else { return }
            #expect(stored.startDate == CalendarDate(iso: "2026-03-16") && stored.weeks == 14)
            let used = await Self.refusal { try await terms.delete(term.id, version: 2, as: .system) }
            guard case .conflict? = used else {
                Issue.record("expected a conflict, got \(String(describing: used))")
                return
            }
            var moved = renamed
            moved.firstDay = CalendarDate(iso: "2026-03-09")!
            let move = await Self.refusal { _ = try await terms.replace(term.id, with: moved, version: 2, as: .system) }
            guard case .conflict? = move else {
                Issue.record("expected a conflict, got \(String(describing: move))")
                return
            }
            let other = try await terms.create(
                NewTerm(name: "秋季", firstDay: CalendarDate(iso: "2026-09-07")!, weeks: 18), in: centerId, as: .system)
            try await terms.delete(other.id, version: 1, as: .system)
            #expect(try await terms.terms(of: centerId, as: .system).count == 1)
        }
    }

    @Test("a request's weeks outside its term, or a term of another center, are refused naming the field")
    func requestWeeks() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await RequestServiceTests.Setting(db)
            let terms = TermService(database: db)
            let term = try await terms.create(Self.spring, in: setting.center.center.id, as: .system)
            let elsewhere = try await CenterFixture(db)
            let foreign = try await terms.create(Self.spring, in: elsewhere.center.id, as: .system)
            func refusal(_ pattern: String, term: UUID) async -> String? {
                var training = setting.training
                guard case .studentTraining(var details) = training.details else { return nil }
                details.termId = term
                details.teachingWeeks = WeeksPattern(pattern)
                training.details = .studentTraining(details)
                return Self.invalid(
                    await Self.refusal {
                        _ = try await RequestService(database: db).create(
                            training, in: setting.center.center.id, as: .system)
                    })
            }
            #expect(await refusal("17-20", term: term.id) == "details/weeks outsideTerm")
            #expect(await refusal("3-8 weekly", term: term.id) == "details/weeks pattern")
            #expect(await refusal("18", term: term.id) == "details/weeks empty")
            #expect(await refusal("1-16", term: foreign.id) == "details/termId exists")
            #expect(await refusal("1-16 odd", term: term.id) == nil)
        }
    }

    @Test("anyone who reads the center turns teaching weeks into dates, and finds the week of a date")
    func weeks() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let terms = TermService(database: db)
            let term = try await terms.create(Self.spring, in: center.center.id, as: .system)
            let school = Principal.coordinator(of: center.school.id)
            let all = try await terms.weeks(of: term.id, as: .system)
            #expect(all.count == 18 && all[17].off == "考试周" && all[0].off == nil)
            let week = try await terms.weeks(of: term.id, containing: CalendarDate(iso: "2026-04-08")!, as: school)
            #expect(week.map(\.week) == [6])
            #expect(week.first?.from == CalendarDate(iso: "2026-04-06"))
            let outside = await Self.refusal {
                _ = try await terms.weeks(of: term.id, containing: CalendarDate(iso: "2026-08-01")!, as: .system)
            }
            #expect(Self.invalid(outside) == "date outsideTerm")
        }
    }
}
