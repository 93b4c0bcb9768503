import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Center, resource and booking routes")
struct BookingRoutesTests {
    struct Created: Decodable {
        let id: UUID
        let version: Int
    }
    struct Timetable: Decodable {
        struct Entry: Decodable { let bookingId: UUID? }
        let items: [Entry]
    }
    struct Listed: Decodable {
        struct Item: Decodable {
            let id: UUID
            let title: String?
        }
        let items: [Item]
        let limit: Int
    }

    func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
    }

    /// Creates an operator and a school with SQL (their API arrives with accounts), then a center
    /// and a machine through the API; runs `test` with the ids.
    func withCenter(
        security: SecurityConfiguration = SecurityConfiguration(),
        _ test:
            @escaping @Sendable (any TestClientProtocol, _ center: UUID, _ machine: UUID, _ school: UUID) async throws
            -> Void
    ) async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let operatorId: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("运营 \(tag)"), 'center_operator') RETURNING id"
            ).first!.decode("id")
            let school: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("学校 \(tag)"), 'sme') RETURNING id"
            ).first!.decode("id")
            let router = buildRouter(
                database: db,
                migrator: Migrator(
                    database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory)),
                security: security)
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                let center = try await client.execute(
                    uri: "/centers", method: .post,
                    body: json(["name": "中心 \(tag)", "operatorId": operatorId.uuidString]))
                #expect(center.status == .created)
                let centerId = try decode(Created.self, center).id
                #expect(center.headers[.location] == "/centers/\(centerId)")
                #expect(center.headers[.eTag] == "\"1\"")
                let entry = try await client.execute(
                    uri: "/centers/\(centerId)/catalogue", method: .post,
                    body: json([
                        "tag": "welding.robot", "labelZh": "焊接机器人", "labelEn": "Welding robot", "kind": "equipment",
                    ]))
                #expect(entry.status == .created)
                let machine = try await client.execute(
                    uri: "/centers/\(centerId)/resources", method: .post,
                    body: json([
                        "kind": "equipment_line", "name": "焊接机器人", "seats": 1, "capabilities": ["welding.robot"],
                    ]))
                #expect(machine.status == .created)
                let machineId = try decode(Created.self, machine).id
                let location = try #require(machine.headers[.location])
                #expect(try await client.execute(uri: location, method: .get).status == .ok)
                let centers = try await client.execute(uri: "/centers?limit=1", method: .get)
                #expect(try decode(Listed.self, centers).items.count == 1)
                try await test(client, centerId, machineId, school)
            }
        }
    }

    func booking(_ machine: UUID, _ school: UUID, start: String, end: String) -> ByteBuffer {
        json([
            "organizationId": school.uuidString, "category": "employee_upskilling", "title": "焊接培训",
            "start": start, "end": end, "resources": [["resourceId": machine.uuidString]],
        ])
    }

    @Test("book, clash with 409 and the clash listed, list, cancel with If-Match")
    func lifecycle() async throws {
        try await withCenter { client, center, machine, school in
            let first = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: booking(machine, school, start: "2026-03-02T18:00:00+08:00", end: "2026-03-02T20:00:00+08:00"))
            #expect(first.status == .created)
            let created = try decode(Created.self, first)

            let second = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: booking(machine, school, start: "2026-03-02T19:00:00+08:00", end: "2026-03-02T21:00:00+08:00"))
            #expect(second.status == .conflict)
            #expect(second.headers[.contentType] == "application/problem+json")
            let body = String(buffer: second.body)
            #expect(body.contains("/problems/booking-clash"))
            #expect(body.contains(created.id.uuidString))

            let listed = try await client.execute(
                uri: "/centers/\(center)/bookings?from=2026-03-02T00:00:00%2B08:00&to=2026-03-03T00:00:00%2B08:00",
                method: .get)
            #expect(listed.status == .ok)
            #expect(try decode(Listed.self, listed).items.map(\.id) == [created.id])

            let timetable = try await client.execute(
                uri: "/resources/\(machine)/timetable?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", method: .get)
            #expect(try decode(Timetable.self, timetable).items.map(\.bookingId) == [created.id])

            #expect(
                try await client.execute(uri: "/bookings/\(created.id)", method: .delete).status
                    == .preconditionRequired)
            let stale = try await client.execute(
                uri: "/bookings/\(created.id)", method: .delete, headers: [.ifMatch: "\"7\""])
            #expect(stale.status == .preconditionFailed)
            let cancelled = try await client.execute(
                uri: "/bookings/\(created.id)", method: .delete, headers: [.ifMatch: "\"1\""])
            #expect(cancelled.status == .ok)
            #expect(cancelled.headers[.eTag] == "\"2\"")
            let again = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: booking(machine, school, start: "2026-03-02T19:00:00+08:00", end: "2026-03-02T21:00:00+08:00"))
            #expect(again.status == .created)
        }
    }

    @Test(
        "bad input is 4xx problem+json naming the field",
        arguments: [
            ("POST", "/centers", #"{"name": "", "operatorId": "00000000-0000-0000-0000-000000000000"}"#, 422, "/name"),
            (
                "POST", "/centers",
                #"{"name": "x", "operatorId": "00000000-0000-0000-0000-000000000000", "slotMinutes": 7}"#, 422,
                "/slotMinutes"
            ),
            (
                "POST", "/centers",
                #"{"name": "x", "operatorId": "00000000-0000-0000-0000-000000000000", "timeZone": "Mars/Base"}"#, 422,
                "/timeZone"
            ),
            (
                "POST", "/centers", #"{"name": "x", "operatorId": "00000000-0000-0000-0000-000000000000"}"#, 422,
                "/operatorId"
            ),
            ("POST", "/centers", #"{"name": "x", "operatorId": "not-a-uuid"}"#, 422, "/operatorId"),
            ("POST", "RESOURCES", #"{"kind": "spaceship", "name": "x", "seats": 1}"#, 422, "/kind"),
            ("POST", "RESOURCES", #"{"kind": "equipment_line", "name": "x", "seats": 3}"#, 422, "/seats"),
            (
                "POST", "RESOURCES", #"{"kind": "room", "name": "x", "seats": 30, "capabilities": ["Bad Tag"]}"#, 422,
                "/capabilities/0"
            ),
            ("GET", "BOOKINGS?from=2026-03-02T00:00:00Z", "", 422, "to"),
            ("GET", "BOOKINGS?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z&limit=5000", "", 422, "limit"),
            ("GET", "BOOKINGS?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z&status=maybe", "", 422, "status"),
            ("GET", "/centers/not-a-uuid", "", 404, ""),
            ("GET", "/centers/00000000-0000-0000-0000-000000000000", "", 404, ""),
            ("GET", "/bookings/00000000-0000-0000-0000-000000000000", "", 404, ""),
            ("POST", "BOOKINGS", "{", 400, ""),
            ("GET", "BOOKINGS?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z", "", 422, "from"),
            ("POST", "RESOURCES", #"{"kind": "room", "name": "A\u0000B", "seats": 30}"#, 422, "/name"),
            (
                "POST", "BOOKINGS",
                #"{"organizationId": "00000000-0000-0000-0000-000000000000", "category": "student_training", "title": "x", "start": "0000-01-01T00:00:00Z", "end": "0000-01-01T02:00:00Z", "resources": []}"#,
                422, "/start"
            ),
            (
                "POST", "BOOKINGS",
                #"{"organizationId": "00000000-0000-0000-0000-000000000000", "category": "student_training", "title": "x", "start": "2026-03-02T08:00:00Z", "end": "9999-12-31T23:59:59Z", "resources": []}"#,
                422, "/end"
            ),
        ])
    func badInput(_ method: String, _ path: String, _ body: String, _ status: Int, _ field: String) async throws {
        try await withCenter { client, center, _, _ in
            let uri = path.replacingOccurrences(of: "RESOURCES", with: "/centers/\(center)/resources")
                .replacingOccurrences(of: "BOOKINGS", with: "/centers/\(center)/bookings")
            let response = try await client.execute(
                uri: uri, method: method == "GET" ? .get : .post, body: body.isEmpty ? nil : ByteBuffer(string: body))
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "application/problem+json")
            if !field.isEmpty {
                #expect(String(buffer: response.body).contains("\"field\":\"\(field)\""))
            }
        }
    }
}
