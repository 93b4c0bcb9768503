import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

extension AuthTests.AuthMatrixTests {
    /// Callers who may act on the side's work (create, change): managers and the side's coordinator.
    static func workers(_ side: Side) -> Set<Caller> {
        side == .school ? [.admin, .manager, .school] : [.admin, .manager, .enterprise]
    }

    /// Callers who may read the side's booking: consortium readers, its center's managers, its
    /// organization's coordinator, and (the school's) the instructor who teaches it.
    static func bookingReaders(_ side: Side) -> Set<Caller> {
        side == .school
            ? [.admin, .auditor, .manager, .school, .instructor] : [.admin, .auditor, .manager, .enterprise]
    }

    static func requestReaders(_ side: Side) -> Set<Caller> {
        bookingReaders(side).subtracting([.instructor])
    }

    static let both: [Side] = [.school, .enterprise]

    static func each(_ expect: (Side) -> Expect) -> [Side: Expect] {
        Dictionary(uniqueKeysWithValues: both.map { ($0, expect($0)) })
    }

    /// Organizations, cohorts, requests, bookings, timetables.
    static let workRows: [Row] = [
        simple("GET /organizations", all(200)) { _ in Target(uri: "/organizations") },
        simple("POST /organizations", only([.admin], 422, else: 403)) { _ in
            Target(uri: "/organizations", body: #"{"name": "", "kind": "sme"}"#)
        },
        sided("GET /organizations/:organizationId", each(organizationReaders)) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)")
        },
        sided("GET /organizations/:organizationId/displacements", each(organizationReaders)) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/displacements")
        },
        sided("GET /organizations/:organizationId/cohorts", each(organizationReaders)) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/cohorts")
        },
        sided(
            "POST /organizations/:organizationId/cohorts",
            each { side in
                let own: Caller = side == .school ? .school : .enterprise
                return organizationReaders(side).mapValues { $0 == 200 ? 403 : $0 }.merging([.admin: 422, own: 422]) {
                    $1
                }
            }
        ) { w, side in Target(uri: "/organizations/\(w.organization[side]!)/cohorts", body: #"{"name": "", "size": 0}"#)
        },
        sided("GET /organizations/:organizationId/cohorts/:cohortId", each(organizationReaders)) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/cohorts/\(w.cohort[side]!)")
        },
        sided(
            "PATCH /organizations/:organizationId/cohorts/:cohortId",
            each { side in
                let own: Caller = side == .school ? .school : .enterprise
                return organizationReaders(side).mapValues { $0 == 200 ? 403 : $0 }.merging([.admin: 412, own: 412]) {
                    $1
                }
            }
        ) { w, side in
            Target(
                uri: "/organizations/\(w.organization[side]!)/cohorts/\(w.cohort[side]!)",
                headers: [.ifMatch: "\"999\""],
                body: #"{"size": 0}"#)
        },
        sided("POST /centers/:centerId/requests", each { only(workers($0), 422, else: 403) }) { w, side in
            let body =
                side == .school
                ? #"{"organizationId": "\#(w.organization[.school]!)", "category": "student_training", "title": "", "details": {"cohortId": "\#(w.cohort[.school]!)", "courseName": "焊接", "sessionsPerWeek": 1, "weeks": 2, "startDate": "2031-03-03", "sessionMinutes": 120, "capability": "welding.robot", "studentsPerStation": 2, "instructorSkills": []}}"#
                : #"{"organizationId": "\#(w.organization[.enterprise]!)", "category": "pilot_production", "title": "", "details": {"capability": "welding.robot", "days": 2, "earliestStart": "2031-04-01", "latestStart": "2031-04-10"}}"#
            return Target(uri: "/centers/\(w.center)/requests", body: body)
        },
        simple(
            "GET /centers/:centerId/requests", only([.admin, .auditor, .manager, .school, .enterprise], 200, else: 403)
        ) { w in
            Target(uri: "/centers/\(w.center)/requests")
        },
        sided("GET /requests/:requestId", each { only(requestReaders($0), 200, else: 404) }) { w, side in
            Target(uri: "/requests/\(w.request[side]!)")
        },
        sided("POST /requests/:requestId/transitions", each { only(workers($0), 412, else: 404, [.auditor: 403]) }) {
            w, side in
            Target(
                uri: "/requests/\(w.request[side]!)/transitions", headers: staleIfMatch, body: #"{"to": "cancelled"}"#)
        },
        sided("POST /centers/:centerId/bookings", each { only(workers($0), 422, else: 403) }) { w, side in
            let category = side == .school ? "student_training" : "employee_upskilling"
            return Target(
                uri: "/centers/\(w.center)/bookings",
                body: """
                    {"organizationId": "\(w.organization[side]!)", "category": "\(category)", "title": "x",
                     "start": "2031-03-05T11:00:00+08:00", "end": "2031-03-05T09:00:00+08:00", "resources": [{"resourceId": "\(w.machine)"}]}
                    """)
        },
        simple("GET /centers/:centerId/bookings", all(200)) { w in Target(uri: "/centers/\(w.center)/bookings?\(range)")
        },
        sided("GET /bookings/:bookingId", each { only(bookingReaders($0), 200, else: 404) }) { w, side in
            Target(uri: "/bookings/\(w.booking[side]!)")
        },
        sided("GET /bookings/:bookingId/displacements", each { only(bookingReaders($0), 200, else: 404) }) { w, side in
            Target(uri: "/bookings/\(w.booking[side]!)/displacements")
        },
        sided(
            "PATCH /bookings/:bookingId",
            each { side in
                only(
                    workers(side), 412, else: 404,
                    side == .school ? [.auditor: 403, .instructor: 403] : [.auditor: 403])
            }
        ) { w, side in Target(uri: "/bookings/\(w.booking[side]!)", headers: staleIfMatch, body: #"{"reason": "x"}"#) },
        sided(
            "DELETE /bookings/:bookingId",
            each { side in
                only(
                    workers(side), 412, else: 404,
                    side == .school ? [.auditor: 403, .instructor: 403] : [.auditor: 403])
            }
        ) { w, side in Target(uri: "/bookings/\(w.booking[side]!)", headers: staleIfMatch) },
        sided("POST /centers/:centerId/booking-series", each { only(workers($0), 422, else: 403) }) { w, side in
            let category = side == .school ? "student_training" : "employee_upskilling"
            return Target(
                uri: "/centers/\(w.center)/booking-series",
                body: """
                    {"booking": {"organizationId": "\(w.organization[side]!)", "category": "\(category)", "title": "x",
                     "start": "2031-03-05T09:00:00+08:00", "end": "2031-03-05T11:00:00+08:00", "resources": [{"resourceId": "\(w.machine)"}]},
                     "weeks": 0}
                    """)
        },
        simple("GET /booking-series/:seriesId", all(404)) { _ in Target(uri: "/booking-series/\(UUID())") },
        simple("POST /booking-series/:seriesId/cancel", all(404)) { _ in
            Target(uri: "/booking-series/\(UUID())/cancel", body: #"{"reason": "x"}"#)
        },
        simple("GET /resources/:resourceId/timetable", all(200)) { w in
            Target(uri: "/resources/\(w.machine)/timetable?\(range)")
        },
        simple(
            "GET /instructors/:instructorId/timetable", only([.admin, .auditor, .manager, .instructor], 200, else: 404)
        ) { w in
            Target(uri: "/instructors/\(w.instructor)/timetable?\(range)")
        },
        // a manager of another center, where the organization has no work: not theirs to know (404)
        sided("GET /cohorts/:cohortId/timetable", each(timetableReaders)) { w, side in
            Target(uri: "/cohorts/\(w.cohort[side]!)/timetable?\(range)")
        },
        sided("GET /organizations/:organizationId/timetable", each(timetableReaders)) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/timetable?\(range)")
        },
    ]

    @Test("what a reader sees: the instructor's own timetable in full, another organization's booking as occupied")
    func shown() async throws {
        try await withWorld { world, client in
            func read(_ uri: String, as caller: Caller) async throws -> String {
                let response = try await client.execute(
                    uri: uri, method: .get, headers: [.authorization: "Bearer \(world.tokens[caller]!)"])
                #expect(response.status == .ok, "\(uri) as \(caller)")
                return String(buffer: response.body)
            }
            let own = try await read("/instructors/\(world.instructor)/timetable?\(Self.range)", as: .instructor)
            #expect(own.contains("S课-\(world.tag)"))
            let listing = try await read("/centers/\(world.center)/bookings?\(Self.range)", as: .school)
            #expect(listing.contains("S课-\(world.tag)"))
            #expect(listing.contains("\"occupied\":true"))
            let managed = try await read("/resources/\(world.machine)/timetable?\(Self.range)", as: .manager)
            #expect(managed.contains("S课-\(world.tag)") && managed.contains("E课-\(world.tag)"))
        }
    }

    @Test("a clash with another organization's pilot run and its cleaning time answers 409 with nothing foreign in it")
    func clashShowsNothingForeign() async throws {
        try await withWorld { world, client in
            // the pilot run ends at 12:00; two hours of cleaning follow before student training
            for (start, end) in [("10:00", "11:00"), ("12:30", "13:30")] {
                let target = Target(
                    uri: "/centers/\(world.center)/bookings",
                    body: """
                        {"organizationId": "\(world.organization[.school]!)", "category": "student_training", "title": "撞车",
                         "start": "2031-03-06T\(start):00+08:00", "end": "2031-03-06T\(end):00+08:00",
                         "resources": [{"resourceId": "\(world.machine)"}]}
                        """)
                let response = try await client.execute(
                    uri: target.uri, method: .post, headers: [.authorization: "Bearer \(world.tokens[.school]!)"],
                    body: ByteBuffer(string: target.body!))
                #expect(response.status == .conflict, "\(start): \(String(buffer: response.body))")
                Self.checkNothingForeign(
                    in: String(buffer: response.body), of: "POST /centers/:centerId/bookings", target,
                    side: .school,
                    caller: .school, world: world)
            }
        }
    }

    /// Runs `body` with the matrix's world built on a router over the test database.
    func withWorld(
        _ body: @escaping @Sendable (AuthMatrixWorld, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { client in
                try await body(try await AuthMatrixWorld.build(db: db, client: client), client)
            }
        }
    }

    static var rows: [Row] {
        accountRows + centerRows + workRows + editingRows + attendanceRows + exchangeRows + noticeRows + reportRows
            + quotaRows
    }

    /// Routes whose answers are schedules, where a confidential pilot run must not show its kind.
    static func isSchedule(_ route: String) -> Bool {
        ["bookings", "timetable", "shared-courses", "requests", "plans", "maintenance"].contains { route.contains($0) }
    }

    /// Records every name, title or id in `body` that `caller` may not know of (other than what
    /// it sent itself), and on schedule routes every word that tells a pilot run apart.
    static func checkNothingForeign(
        in body: String, of route: String, _ target: Target, side: Side, caller: Caller, world: AuthMatrixWorld
    ) {
        let body = body.lowercased()
        let sent = (target.uri + (target.body ?? "")).lowercased()
        var forbidden = world.foreign(for: caller)
        if isSchedule(route) { forbidden += world.confidentialWords(for: caller) }
        for text in forbidden.map({ $0.lowercased() }) where body.contains(text) && !sent.contains(text) {
            Issue.record("\(route) [\(side)] as \(caller) shows \(text)")
        }
    }

    /// `GET /centers/:centerId`, as the router lists a route.
    static func routeName(_ method: String, _ path: String) -> String {
        let segments = path.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }
        return "\(method.uppercased()) /" + segments.joined(separator: "/")
    }

    @Test(
        "every route of the router has a row, and every caller gets the status of its row with nothing foreign in the body"
    )
    func matrix() async throws {
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            // the HTML pages sign in with their own session cookie; WebUITests check them per role
            let routed = Set(
                router.routes.filter { !OpenAPITests.isPage($0.path.description) }.map {
                    Self.routeName($0.method.rawValue, $0.path.description)
                })
            let tabled = Set(Self.rows.map(\.route))
            #expect(routed.subtracting(tabled).sorted() == [], "routes without a row in the access matrix")
            #expect(tabled.subtracting(routed).sorted() == [], "rows for routes the router does not have")
            try await Application(router: router).test(.router) { client in
                let world = try await AuthMatrixWorld.build(db: db, client: client)
                let admin = AdminClient(base: client, token: world.tokens[.admin]!, username: "")
                for row in Self.rows {
                    let method = HTTPRequest.Method(String(row.route.split(separator: " ")[0]))!
                    for (side, expect) in row.cases.sorted(by: { "\($0.key)" < "\($1.key)" }) {
                        for caller in Caller.allCases {
                            let target = try await row.target(world, side, admin)
                            var headers = target.headers
                            headers[.authorization] = "Bearer \(world.tokens[caller]!)"
                            let response = try await client.execute(
                                uri: target.uri, method: method, headers: headers,
                                body: target.body.map { ByteBuffer(string: $0) })
                            #expect(
                                response.status.code == expect[caller],
                                "\(row.route) [\(side)] as \(caller): \(String(buffer: response.body).prefix(300))")
                            Self.checkNothingForeign(
                                in: String(buffer: response.body), of: row.route, target, side: side, caller: caller,
                                world: world)
                        }
                    }
                }
            }
        }
    }
}
