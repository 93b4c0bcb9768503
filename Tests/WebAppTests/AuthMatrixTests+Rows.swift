import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension AuthTests.AuthMatrixTests {
    static let managers: Set<Caller> = [.admin, .manager]

    /// Sessions, tokens, accounts, audit, probes.
    static let accountRows: [Row] = [
        simple("GET /healthz", all(200)) { _ in Target(uri: "/healthz") },
        simple("GET /readyz", all(200)) { _ in Target(uri: "/readyz") },
        simple("GET /openapi.yaml", all(200)) { _ in Target(uri: "/openapi.yaml") },
        simple("POST /login", all(401)) { _ in
            Target(
                uri: "/login", headers: [.contentType: "application/json"],
                body: #"{"username": "nobody-\#(UUID())", "password": "not a password at all"}"#)
        },
        simple("POST /logout", all(204)) { _ in Target(uri: "/logout") },
        simple("GET /me", all(200)) { _ in Target(uri: "/me") },
        simple("POST /tokens", all(422)) { _ in Target(uri: "/tokens", body: #"{"name": ""}"#) },
        simple("GET /tokens", all(200)) { _ in Target(uri: "/tokens") },
        simple("DELETE /tokens/:tokenId", only([.admin], 200, else: 404, [.auditor: 403])) { w in
            Target(uri: "/tokens/\(w.adminSpareToken)")
        },
        simple("POST /users", only([.admin], 422, else: 403)) { w in
            Target(
                uri: "/users",
                body:
                    #"{"username": "A B", "displayName": "x", "organizationId": "\#(w.organization[.school]!)", "roles": []}"#
            )
        },
        simple("GET /users", only([.admin, .auditor], 200, else: 403)) { _ in Target(uri: "/users") },
        simple("GET /users/:userId", only([.admin, .auditor, .school], 200, else: 404)) { w in
            Target(uri: "/users/\(w.schoolUser)")
        },
        simple("PATCH /users/:userId", only([.admin, .school], 412, else: 404, [.auditor: 403])) { w in
            Target(uri: "/users/\(w.schoolUser)", headers: staleIfMatch, body: "{}")
        },
        simple("GET /audit", only([.admin, .auditor], 200, else: 403)) { _ in Target(uri: "/audit") },
        // calendar feeds are every user's own; the feed itself answers to its secret alone; metrics are off here
        simple("POST /feeds", all(422)) { _ in Target(uri: "/feeds", body: #"{"kind": "room"}"#) },
        simple("GET /feeds", all(200)) { _ in Target(uri: "/feeds") },
        simple("DELETE /feeds/:feed", all(404)) { _ in Target(uri: "/feeds/\(UUID())") },
        simple("GET /feeds/:feed", all(404)) { _ in Target(uri: "/feeds/pxf_no-such-feed.ics") },
        simple("GET /metrics", all(404)) { _ in Target(uri: "/metrics") },
    ]

    /// Centers, resources, maintenance, calendar, policy, bell periods, shared courses.
    static let centerRows: [Row] = [
        simple("GET /centers", all(200)) { _ in Target(uri: "/centers") },
        simple("POST /centers", only([.admin], 422, else: 403)) { w in
            Target(uri: "/centers", body: #"{"name": "", "operatorId": "\#(w.organization[.school]!)"}"#)
        },
        simple("GET /centers/:centerId", all(200)) { w in Target(uri: "/centers/\(w.center)") },
        simple("GET /centers/:centerId/resources", all(200)) { w in Target(uri: "/centers/\(w.center)/resources") },
        simple("POST /centers/:centerId/resources", only(managers, 422, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/resources", body: #"{"kind": "equipment_line", "name": "x", "seats": 3}"#)
        },
        simple("GET /resources/:resourceId", all(200)) { w in Target(uri: "/resources/\(w.machine)") },
        simple("PATCH /resources/:resourceId", only(managers, 412, else: 403)) { w in
            Target(uri: "/resources/\(w.machine)", headers: staleIfMatch, body: #"{"status": "retired"}"#)
        },
        simple("GET /resources/:resourceId/maintenance", all(200)) { w in
            Target(uri: "/resources/\(w.machine)/maintenance?\(range)")
        },
        simple("POST /resources/:resourceId/maintenance", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/resources/\(w.machine)/maintenance",
                body: #"{"start": "2031-05-02T00:00:00Z", "end": "2031-05-01T00:00:00Z", "reason": "x"}"#)
        },
        Row(route: "DELETE /maintenance-windows/:windowId", cases: [.none: only(managers, 204, else: 403)]) {
            w, _, admin in
            let created = try await admin.execute(
                uri: "/resources/\(w.machine)/maintenance", method: .post,
                body: ByteBuffer(
                    string: #"{"start": "2031-06-01T00:00:00Z", "end": "2031-06-02T00:00:00Z", "reason": "检修"}"#))
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any])
            return Target(uri: "/maintenance-windows/\(try #require(object["id"] as? String))")
        },
        simple("GET /centers/:centerId/opening-hours", all(200)) { w in
            Target(uri: "/centers/\(w.center)/opening-hours")
        },
        simple("PUT /centers/:centerId/opening-hours", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/opening-hours",
                body: #"{"items": [{"weekday": 9, "opens": "08:00", "closes": "12:00"}]}"#)
        },
        simple("GET /centers/:centerId/closures", all(200)) { w in Target(uri: "/centers/\(w.center)/closures") },
        simple("POST /centers/:centerId/closures", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/closures",
                body: #"{"from": "2031-05-20", "to": "2031-05-19", "reason": "x"}"#)
        },
        Row(route: "DELETE /centers/:centerId/closures/:closureId", cases: [.none: only(managers, 204, else: 403)]) {
            w, _, admin in
            // a closure of its own for each caller, far ahead, on a day no other caller's takes
            let day = String(format: "%04d-%02d-%02d", Int.random(in: 3000...9000), Int.random(in: 1...12), 1)
            let created = try await admin.execute(
                uri: "/centers/\(w.center)/closures", method: .post,
                body: ByteBuffer(string: #"{"from": "\#(day)", "to": "\#(day)", "reason": "检修"}"#))
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any])
            return Target(uri: "/centers/\(w.center)/closures/\(try #require(object["id"] as? String))")
        },
        simple("PATCH /centers/:centerId", only(managers, 412, else: 403)) { w in
            Target(uri: "/centers/\(w.center)", headers: staleIfMatch, body: "{}")
        },
        simple("GET /centers/:centerId/catalogue", all(200)) { w in Target(uri: "/centers/\(w.center)/catalogue") },
        simple("POST /centers/:centerId/catalogue", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/catalogue",
                body: #"{"tag": "x", "labelZh": "", "labelEn": "x", "kind": "skill"}"#)
        },
        simple("GET /centers/:centerId/catalogue/:tag", all(200)) { w in
            Target(uri: "/centers/\(w.center)/catalogue/welding.robot")
        },
        simple("PATCH /centers/:centerId/catalogue/:tag", only(managers, 412, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/catalogue/welding.robot", headers: staleIfMatch, body: "{}")
        },
        simple("GET /calendar-days/:year", all(200)) { _ in Target(uri: "/calendar-days/2031") },
        simple("PUT /calendar-days/:year", only([.admin], 422, else: 403)) { _ in
            Target(
                uri: "/calendar-days/2031",
                body: #"{"items": [{"date": "2001-01-01", "kind": "public_holiday", "name": "x"}]}"#)
        },
        simple("POST /calendar-days/import", only([.admin], 422, else: 403)) { _ in
            Target(uri: "/calendar-days/import", body: "date,kind,holiday\n2031-02-30,holiday,x\n")
        },
        simple("GET /centers/:centerId/terms", all(200)) { w in Target(uri: "/centers/\(w.center)/terms") },
        simple("POST /centers/:centerId/terms", only(managers, 422, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/terms", body: #"{"name": "x", "firstDay": "2032-09-02", "weeks": 18}"#)
        },
        simple("GET /terms/:termId", all(200)) { w in Target(uri: "/terms/\(w.term)") },
        simple("PUT /terms/:termId", only(managers, 412, else: 403)) { w in
            Target(
                uri: "/terms/\(w.term)", headers: staleIfMatch,
                body: #"{"name": "2031秋季学期", "firstDay": "2031-09-01", "weeks": 18}"#)
        },
        simple("DELETE /terms/:termId", only(managers, 412, else: 403)) { w in
            Target(uri: "/terms/\(w.term)", headers: staleIfMatch)
        },
        simple("GET /terms/:termId/weeks", all(200)) { w in Target(uri: "/terms/\(w.term)/weeks") },
        simple("GET /centers/:centerId/policy", all(200)) { w in Target(uri: "/centers/\(w.center)/policy") },
        Row(route: "PUT /centers/:centerId/policy", cases: [.none: only(managers, 412, else: 403)]) { w, _, admin in
            // the policy as read, sent back at a stale version: the body decodes, the caller is decided on
            let current = try await admin.execute(uri: "/centers/\(w.center)/policy", method: .get)
            return Target(
                uri: "/centers/\(w.center)/policy", headers: staleIfMatch, body: String(buffer: current.body))
        },
        simple("GET /centers/:centerId/periods", all(200)) { w in Target(uri: "/centers/\(w.center)/periods") },
        simple("PUT /centers/:centerId/periods", only(managers, 412, else: 403)) { w in
            // valid periods (none) at a stale version: the caller is decided on before the version
            Target(uri: "/centers/\(w.center)/periods", headers: staleIfMatch, body: #"{"sets": []}"#)
        },
        simple("GET /centers/:centerId/shared-courses", all(200)) { w in
            Target(uri: "/centers/\(w.center)/shared-courses")
        },
        simple("POST /centers/:centerId/shared-courses/:courseId/seats", all(404)) { w in
            // no such course: the same answer for everyone
            Target(
                uri: "/centers/\(w.center)/shared-courses/\(UUID())/seats", body: #"{"participants": [{"name": "王强"}]}"#
            )
        },
        simple("POST /centers/:centerId/shared-courses/decisions", only(managers, 200, else: 403)) { w in
            // a date before every course: deciding then changes nothing
            Target(uri: "/centers/\(w.center)/shared-courses/decisions", body: #"{"asOf": "2000-01-01"}"#)
        },
        simple("POST /centers/:centerId/plans", only(managers, 422, else: 403)) { w in
            // decodes, so the use case answers: it authorizes before it checks the dates
            Target(uri: "/centers/\(w.center)/plans", body: #"{"horizon": {"from": "2031-03-07", "to": "2031-03-03"}}"#)
        },
        simple("GET /centers/:centerId/plans", only([.admin, .auditor, .manager], 200, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/plans")
        },
        simple("GET /plans/:planId", only([.admin, .auditor, .manager], 200, else: 403)) { w in
            Target(uri: "/plans/\(w.plan)")
        },
        simple("GET /plans/:planId/events", only([.admin, .auditor, .manager], 200, else: 403)) { w in
            Target(uri: "/plans/\(w.plan)/events")
        },
        Row(route: "POST /plans/:planId/publish", cases: [.none: only(managers, 409, else: 403)]) { w, _, admin in
            // a fresh run, cancelled while queued (so that the center's queue stays under its limit):
            // those allowed to publish learn that it cannot be published
            let queued = try await admin.execute(
                uri: "/centers/\(w.center)/plans", method: .post,
                body: ByteBuffer(string: #"{"horizon": {"from": "2031-03-03", "to": "2031-03-07"}}"#))
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(queued.body.readableBytesView)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            _ = try await admin.execute(uri: "/plans/\(id)/cancel", method: .post)
            return Target(uri: "/plans/\(id)/publish")
        },
        // the world's run has succeeded: those allowed to cancel learn that it already ended
        simple("POST /plans/:planId/cancel", only(managers, 409, else: 403)) { w in
            Target(uri: "/plans/\(w.plan)/cancel")
        },
        simple("GET /centers/:centerId/instructors", all(200)) { w in Target(uri: "/centers/\(w.center)/instructors") },
        // a coordinator registers its own organization's instructors (the body names the school's)
        simple("POST /centers/:centerId/instructors", only(managers.union([.school]), 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/instructors",
                body: """
                    {"organizationId": "\(w.organization[.school]!)", "name": "x", "postType": "fixed", "weeklyHourCap": 0, "skills": [], "availability": []}
                    """)
        },
    ]
}
