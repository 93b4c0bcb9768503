import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// Shared-employee courses as products: offered by a college, dated before sold, seats named.
@Suite("Shared-employee courses as products")
struct CourseProductTests {
    /// A center, a welding course its college offers (capacity 4, minimum 1) and a coordinator of
    /// each SME in `smes`.
    struct Setting {
        let center: CenterFixture
        let course: Request
        let smes: [Principal]

        init(_ db: Database, smes count: Int = 2) async throws {
            center = try await CenterFixture(db)
            let college = try await NoticeFixture.account(in: center.school.id, .schoolCoordinator, db)
            course = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: center.school.id, title: "焊接机器人编程",
                    details: .sharedEmployee(
                        .init(
                            capacity: 4, minEnrolment: 1, decisionDate: CalendarDate(iso: "2026-03-20"), sessions: 2,
                            sessionMinutes: 120, skill: "welding.robot")),
                    submit: true),
                in: center.center.id, as: college)
            var smes: [Principal] = []
            for index in 0..<count {
                let sme = try await OrganizationService(database: db).create(
                    name: "中小企业 \(index) \(UUID().uuidString.prefix(6))", kind: .sme, as: .system)
                smes.append(try await NoticeFixture.account(in: sme.id, .enterpriseCoordinator, db))
            }
            self.smes = smes
        }

        /// Places one session of the course, `days` from now: the course is dated.
        func date(days: Double = 30) async throws -> UUID {
            try await RequestLifeCycleTests.book(course, on: center.workshop.id, days: days, in: center.db)
        }

        func buy(_ names: [(String, String)], as sme: Principal) async throws -> SeatPurchase {
            try await SharedCourseService(database: center.db).buySeats(
                NamedSeats(participants: names.map { NewParticipant(name: $0.0, number: $0.1, position: "焊工") }),
                in: course.id, at: center.center.id, as: sme)
        }
    }

    /// The field and rule of an `.invalid` refusal; `nil` for any other answer.
    static func broken(_ error: ServiceError?) -> [String]? {
        guard case .invalid(let problem) = error else { return nil }
        return [problem.field, problem.rule]
    }

    static func refusal(_ body: () async throws -> Void) async -> ServiceError? {
        do { try await body() } catch let error as ServiceError { return error } catch { return nil }
        return nil
    }

    @Test("a college offers a course; an SME cannot offer one")
    func whoOffers() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let catalogue = try await SharedCourseService(database: db).catalogue(
                of: setting.center.center.id, as: setting.smes[0])
            #expect(catalogue.map(\.offeredBy) == [setting.center.school.id])
            let sme = setting.smes[0]
            let refused = await Self.refusal {
                _ = try await RequestService(database: db).create(
                    NewRequest(
                        organizationId: sme.organizationId, title: "自办课程",
                        details: .sharedEmployee(
                            .init(
                                capacity: 4, minEnrolment: 1, decisionDate: CalendarDate(iso: "2026-03-20"),
                                sessions: 1,
                                sessionMinutes: 60, skill: "plc")),
                        submit: true),
                    in: setting.center.center.id, as: sme)
            }
            #expect(Self.broken(refused) == ["organizationId", "category"])
        }
    }

    @Test("an SME cannot buy before the course is dated, then buys two named seats against its timetable")
    func datedBeforeSold() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = SharedCourseService(database: db)
            #expect(
                try await service.catalogue(of: setting.center.center.id, as: setting.smes[0]).first?.onSale == false)
            let early = await Self.refusal { _ = try await setting.buy([("王强", "E1")], as: setting.smes[0]) }
            #expect(Self.broken(early) == ["details/courseRequestId", "dated"])
            #expect(try await service.catalogue(of: setting.center.center.id, as: .system).first?.seatRequests == [])

            _ = try await setting.date()
            let shown = try #require(
                try await service.catalogue(of: setting.center.center.id, as: setting.smes[0]).first)
            #expect(shown.onSale && shown.timetable.count == 1 && shown.timetable[0].place == "数控车间")
            let bought = try await setting.buy([("王强", "E1"), ("李娜", "E2")], as: setting.smes[0])
            #expect(bought.request.state == .submitted)
            #expect(bought.request.details == .sharedEmployee(.init(courseRequestId: setting.course.id, seats: 2)))
            let named = try await ParticipantService(database: db).participants(
                of: bought.request.id, as: setting.smes[0])
            #expect(named.map(\.name) == ["李娜", "王强"])
            #expect(named.allSatisfy { $0.position == "焊工" })
            let after = try #require(try await service.catalogue(of: setting.center.center.id, as: .system).first)
            #expect(after.seatsLeft == 2)
        }
    }

    @Test("a name is replaceable until the course's first session starts, then refused with the rule")
    func replaceName() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            _ = try await setting.date(days: 30)
            let bought = try await setting.buy([("王强", "E1"), ("李娜", "E2")], as: setting.smes[0])
            let people = ParticipantService(database: db)
            let replaced = try await people.replace(
                bought.participants[0].id, with: NewParticipant(name: "赵磊", number: "E3", position: "焊接班长"),
                as: setting.smes[0])
            let named = try await people.participants(of: bought.request.id, as: setting.smes[0])
            #expect(named.map(\.name).sorted() == ["李娜", "赵磊"])
            #expect(replaced.position == "焊接班长")

            let started = await Self.refusal {
                _ = try await people.replace(
                    replaced.id, with: NewParticipant(name: "孙悦"), now: Date().addingTimeInterval(31 * 86_400),
                    as: setting.smes[0])
            }
            #expect(Self.broken(started) == ["participantId", "courseStarted"])
            #expect(
                try await people.participants(of: bought.request.id, as: setting.smes[0]).map(\.name).sorted() == [
                    "李娜", "赵磊",
                ])
        }
    }

    @Test("another SME can neither see nor replace a seat's name")
    func otherSME() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            _ = try await setting.date()
            let bought = try await setting.buy([("王强", "E1")], as: setting.smes[0])
            let people = ParticipantService(database: db)
            let other = setting.smes[1]
            #expect(
                await Self.refusal { _ = try await people.participants(of: bought.request.id, as: other) }
                    == .notFound(entity: "request"))
            #expect(
                await Self.refusal {
                    _ = try await people.replace(bought.participants[0].id, with: NewParticipant(name: "冒名"), as: other)
                } == .notFound(entity: "participant"))
            let catalogue = try await SharedCourseService(database: db).catalogue(
                of: setting.center.center.id, as: other)
            #expect(catalogue.first?.seatRequests == [])
        }
    }

    @Test("bad seats are refused naming the field and rule, and nothing is written")
    func badInput() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            _ = try await setting.date()
            let none = await Self.refusal { _ = try await setting.buy([], as: setting.smes[0]) }
            #expect(Self.broken(none) == ["participants", "required"])
            let badNumber = await Self.refusal {
                _ = try await setting.buy([("王强", "E1"), ("李娜", "工号 2")], as: setting.smes[0])
            }
            #expect(Self.broken(badNumber) == ["participants/1/number", "format"])
            let twice = await Self.refusal {
                _ = try await setting.buy([("王强", "E1"), ("李娜", "E1")], as: setting.smes[0])
            }
            guard case .conflict = twice else {
                Issue.record("expected conflict, got \(String(describing: twice))")
                return
            }
            let catalogue = try await SharedCourseService(database: db).catalogue(
                of: setting.center.center.id, as: .system)
            #expect(catalogue.first?.seatRequests == [], "a refused purchase leaves no seat request behind")
        }
    }

    @Test("a cancelled seat request promotes the wait-listed SMEs in order of asking, each told")
    func waitListOrder() async throws {
        try await TestDatabase.withPool { db in
            // four seats for six SMEs: max-min fair, one each in order of asking, the last two wait
            let setting = try await Setting(db, smes: 6)
            _ = try await setting.date()
            var bought: [SeatPurchase] = []
            for (index, sme) in setting.smes.enumerated() {
                let names = index == 0 ? [("甲", "A1"), ("乙", "A2")] : [("丙\(index)", "C\(index)")]
                bought.append(try await setting.buy(names, as: sme))
            }
            let service = SharedCourseService(database: db)
            _ = try await service.decide(
                in: setting.center.center.id, asOf: CalendarDate(iso: "2026-03-20")!, as: .system)
            let requests = RequestService(database: db)
            func state(_ index: Int) async throws -> RequestState {
                try await requests.request(bought[index].request.id, as: .system).state
            }
            #expect(try await state(4) == .waitListed)
            #expect(try await state(5) == .waitListed)

            _ = try await requests.move(
                bought[1].request.id, to: .cancelled, reason: nil, version: bought[1].request.version,
                as: setting.smes[1])
            #expect(try await state(4) == .submitted, "the first to ask of those waiting")
            #expect(try await state(5) == .waitListed)
            #expect(try await SeatNoticeTests().events(of: setting.smes[4], in: db).last == "seat.promoted")
            #expect(try await SeatNoticeTests().events(of: setting.smes[5], in: db).last == "seat.wait_listed")
            let course = try #require(try await service.catalogue(of: setting.center.center.id, as: .system).first)
            let allotted = course.seatRequests.map(\.allotted)
            #expect([0, 2, 3, 4, 5].map { allotted[$0] } == [1, 1, 1, 1, 0], "the freed seat to the first waiting")
            let promoted = try await ParticipantService(database: db).participants(
                of: bought[4].request.id, as: setting.smes[4])
            #expect(promoted.map(\.name) == ["丙4"], "the promoted seat keeps its named person")
        }
    }
}
