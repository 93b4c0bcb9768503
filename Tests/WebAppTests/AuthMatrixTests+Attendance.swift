import Foundation
import HTTPTypes
import Testing

extension AuthTests.AuthMatrixTests {
    /// Who reads a session's roster: its center's managers, the owning organization's coordinator and
    /// (the school's session) its instructor; admins. Not auditors: rosters name people.
    static func rosterReaders(_ side: Side) -> Set<Caller> {
        side == .school ? [.admin, .manager, .school, .instructor] : [.admin, .manager, .enterprise]
    }

    /// Who takes attendance: the center's managers and the session's instructor.
    static func markers(_ side: Side) -> Set<Caller> {
        side == .school ? [.admin, .manager, .instructor] : [.admin, .manager]
    }

    /// Readers who may not do it: 403; everyone else: 404.
    static func rosterAction(_ side: Side, allowed: Set<Caller>, status: Int) -> Expect {
        only(allowed, status, else: 404).merging(
            Dictionary(uniqueKeysWithValues: rosterReaders(side).subtracting(allowed).map { ($0, 403) })
        ) { $1 }
    }

    static func own(_ side: Side) -> Caller { side == .school ? .school : .enterprise }

    /// Rosters, attendance, self check-in, no-shows, hours delivered, named people and outcomes.
    static let attendanceRows: [Row] = [
        sided("GET /sessions/:bookingId/roster", each { only(rosterReaders($0), 200, else: 404) }) { w, side in
            Target(uri: "/sessions/\(w.booking[side]!)/roster")
        },
        // the sessions lie in 2031: outside the check-in window (422) for those who may mark
        sided("POST /sessions/:bookingId/attendance", each { rosterAction($0, allowed: markers($0), status: 422) }) {
            w, side in Target(uri: "/sessions/\(w.booking[side]!)/attendance", body: #"{"allPresent": true}"#)
        },
        sided("POST /sessions/:bookingId/check-in-code", each { rosterAction($0, allowed: markers($0), status: 422) }) {
            w, side in Target(uri: "/sessions/\(w.booking[side]!)/check-in-code")
        },
        sided("PUT /sessions/:bookingId/record", each { rosterAction($0, allowed: markers($0), status: 412) }) {
            w, side in
            Target(
                uri: "/sessions/\(w.booking[side]!)/record", headers: staleIfMatch,
                body: #"{"notHeld": {"reason": "holiday"}}"#)
        },
        sided(
            "POST /sessions/:bookingId/corrections",
            each { rosterAction($0, allowed: [.admin, .manager], status: 422) }
        ) {
            w, side in
            Target(
                uri: "/sessions/\(w.booking[side]!)/corrections",
                body: #"{"participantId": "\#(UUID())", "mark": "late", "reason": "x"}"#)
        },
        simple("POST /check-in", all(422)) { _ in Target(uri: "/check-in", body: #"{"code": "12", "number": "x"}"#) },
        simple("GET /centers/:centerId/no-shows", only([.admin, .auditor, .manager], 200, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/no-shows?\(range)")
        },
        sided("GET /requests/:requestId/hours", each { only(requestReaders($0), 200, else: 404) }) { w, side in
            Target(uri: "/requests/\(w.request[side]!)/hours")
        },
        sided("GET /cohorts/:cohortId/students", each { only([.admin, own($0)], 200, else: 404) }) { w, side in
            Target(uri: "/cohorts/\(w.cohort[side]!)/students")
        },
        sided("POST /cohorts/:cohortId/students", each { only([.admin, own($0)], 422, else: 404) }) { w, side in
            Target(uri: "/cohorts/\(w.cohort[side]!)/students", body: #"{"name": ""}"#)
        },
        sided(
            "GET /requests/:requestId/participants",
            each { only([.admin, .manager, own($0)], 200, else: 404) }
        ) { w, side in Target(uri: "/requests/\(w.request[side]!)/participants") },
        sided(
            "POST /requests/:requestId/participants",
            each { only([.admin, own($0)], 422, else: 404, [.manager: 404]) }
        ) { w, side in Target(uri: "/requests/\(w.request[side]!)/participants", body: #"{"name": ""}"#) },
        simple("DELETE /participants/:participantId", all(404)) { _ in Target(uri: "/participants/\(UUID())") },
        simple("POST /participants/:participantId/replacement", all(404)) { _ in
            Target(uri: "/participants/\(UUID())/replacement", body: #"{"name": "赵磊"}"#)
        },
        simple("PUT /participants/:participantId/outcome", all(404)) { _ in
            Target(uri: "/participants/\(UUID())/outcome", body: #"{"completed": true}"#)
        },
    ]
}
