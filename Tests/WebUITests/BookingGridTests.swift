import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing

/// The booking grid's data as drawn from the demo center: containment, filters, the month's
/// occupancy, and the page's compression. Each test books in a June 2026 week of its own.
@Suite("Booking grid")
struct BookingGridTests {
    @Test("a booked workshop shades its machines and a booked machine marks its room; neither is offered free then")
    func containment() async throws {
        try await UIFixture.run { fixture, client in
            try await Self.book(fixture, "数控实训车间", day: 9, from: 9, to: 11)
            try await Self.book(fixture, "3D 打印机 1", day: 10, from: 14, to: 16)
            let rows = Self.rows(try await Self.page(fixture, client, "view=week&day=2026-06-08"))
            for machine in Self.cncMachines {
                #expect(rows[machine]?.contains("block contained") == true, "\(machine) is not shaded")
            }
            #expect(rows["增材制造室"]?.contains("block holds") == true)
            #expect(rows["3D 打印机 2"]?.contains("block holds") == false)
            #expect(rows["3D 打印机 2"]?.contains("block contained") == false)
            #expect(rows["数控实训车间"]?.contains("block contained") == false)
            // the shaded hour is not offered as free; the same hour of the day before is
            #expect(rows["数控车床 1"]?.contains("date=2026-06-09&amp;from=09:00") == false)
            #expect(rows["数控车床 1"]?.contains("date=2026-06-08&amp;from=09:00") == true)
        }
    }

    @Test("filters keep the rows asked for: kind, capability, and a workshop with everything inside it")
    func filters() async throws {
        try await UIFixture.run { fixture, client in
            let shop: UUID = try await Self.resource(fixture, "数控实训车间")
            let inShop = Self.rows(
                try await Self.page(fixture, client, "day=2026-06-15&kind=equipment_line&workshop=\(shop.uuidString)"))
            #expect(Set(inShop.keys) == Set(Self.cncMachines))
            let lathes = Self.rows(try await Self.page(fixture, client, "day=2026-06-15&capability=cnc.lathe"))
            #expect(Set(lathes.keys) == ["数控车床 1", "数控车床 2", "数控车床 3"])
            let rooms = Self.rows(try await Self.page(fixture, client, "day=2026-06-15&kind=room"))
            #expect(rooms.keys.contains("PLC 实验室") && !rooms.keys.contains("数控车床 1"))
            let day = try await Self.page(fixture, client, "view=day&day=2026-06-15")
            #expect(day.contains("class=\"timeline view-day\""))
            #expect(day.components(separatedBy: "class=\"ruler\"").count == 2)  // one day's ruler
        }
    }

    @Test("the month shows a resource's day as the share of its open hours taken, its workshop's included")
    func month() async throws {
        try await UIFixture.run { fixture, client in
            try await Self.book(fixture, "焊接机器人 1", day: 23, from: 9, to: 12)
            let rows = Self.rows(try await Self.page(fixture, client, "view=month&day=2026-06-01"))
            let robot = try #require(rows["焊接机器人 1"])
            let taken = try #require(Self.share(robot, on: "2026-06-23"))
            #expect(taken > 0 && taken < 100)
            #expect(Self.share(robot, on: "2026-06-24") == 0)
            #expect(Self.share(try #require(rows["焊接机器人 2"]), on: "2026-06-23") == 0)
            #expect(Self.share(try #require(rows["焊接实训车间"]), on: "2026-06-23") == taken)
            #expect(robot.components(separatedBy: "class=\"occ").count - 1 == 30)  // every day of June
        }
    }

    @Test("a page goes gzip-compressed to a browser that takes it, and plain to one that does not")
    func compressed() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let uri = "/ui/timeline?week=2026-03-02"
            let plain = try await client.execute(uri: uri, method: .get, headers: session.headers)
            var headers = session.headers
            headers[.acceptEncoding] = "gzip, deflate, br"
            let zipped = try await client.execute(uri: uri, method: .get, headers: headers)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.body.getBytes(at: zipped.body.readerIndex, length: 2) == [0x1f, 0x8b])
            #expect(zipped.body.readableBytes * 5 < plain.body.readableBytes)
        }
    }

    static let cncMachines = ["数控车床 1", "数控车床 2", "数控车床 3", "立式加工中心 1", "立式加工中心 2", "五轴加工中心"]

    /// The manager's timeline page with `query`.
    static func page(_ fixture: UIFixture, _ client: any TestClientProtocol, _ query: String) async throws -> String {
        let session = try await fixture.signIn(client, as: "demo.manager")
        let response = try await client.execute(uri: "/ui/timeline?\(query)", method: .get, headers: session.headers)
        #expect(response.status == .ok)
        return String(buffer: response.body)
    }

    /// Each row of the grid by its name: the row's markup.
    static func rows(_ html: String) -> [String: String] {
        var rows: [String: String] = [:]
        for part in html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst() {
            guard let name = part.components(separatedBy: "<small>").first else { continue }
            rows[name] = part.components(separatedBy: "</tr>").first
        }
        return rows
    }

    /// The share written in a month row's cell of `day`.
    static func share(_ row: String, on day: String) -> Int? {
        guard let cell = row.range(of: "day=\(day)\" title=\"[^\"]*\">[0-9]+%<", options: .regularExpression)
        else { return nil }
        return Int(row[cell].split(separator: ">").last!.dropLast(2))
    }

    static func resource(_ fixture: UIFixture, _ name: String) async throws -> UUID {
        try await fixture.db.query(
            "SELECT id FROM resources WHERE center_id = \(fixture.centerId) AND name = \(name)"
        ).first!.decode("id")
    }

    /// Books `name` on `day` June 2026 from `from` to `to` o'clock at the center, for a school's class.
    static func book(_ fixture: UIFixture, _ name: String, day: Int, from: Int, to: Int) async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        func at(_ hour: Int) -> Date {
            calendar.date(from: DateComponents(year: 2026, month: 6, day: day, hour: hour))!
        }
        let school: UUID = try await fixture.db.query("SELECT id FROM organizations WHERE name = '潍坊职业学院'").first!
            .decode("id")
        _ = try await BookingService(database: fixture.db, now: TestClock.term).book(
            NewBooking(
                organizationId: school, category: .studentTraining, title: "网格测试 \(name)", start: at(from),
                end: at(to), resources: [.init(resourceId: try await resource(fixture, name))]),
            in: fixture.centerId, as: .system)
    }
}
