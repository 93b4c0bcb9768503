import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension AuthTests.AuthMatrixTests {
    /// Editing organizations, instructors and requests, and onboarding (stale `If-Match`: whoever
    /// may change the object learns that it changed, 412).
    static let editingRows: [Row] = [
        sided(
            "PATCH /organizations/:organizationId",
            [
                // the school also works at the other center, so that center's manager may edit it
                .school: only([.admin, .manager, .otherManager], 412, else: 403, [.enterprise: 404]),
                .enterprise: only([.admin, .manager], 412, else: 403, [.school: 404, .instructor: 404]),
            ]
        ) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)", headers: staleIfMatch, body: #"{"name": "x"}"#)
        },
        simple(
            "GET /instructors/:instructorId",
            only([.admin, .auditor, .manager, .school, .instructor], 200, else: 404)
        ) { w in Target(uri: "/instructors/\(w.instructor)") },
        simple(
            "PATCH /instructors/:instructorId",
            only([.admin, .manager, .school], 412, else: 404, [.auditor: 403, .instructor: 403])
        ) { w in Target(uri: "/instructors/\(w.instructor)", headers: staleIfMatch, body: "{}") },
        sided("PATCH /requests/:requestId", each { only(workers($0), 412, else: 404, [.auditor: 403]) }) { w, side in
            Target(uri: "/requests/\(w.request[side]!)", headers: staleIfMatch, body: #"{"title": "x"}"#)
        },
        simple("POST /centers/:centerId/onboardings", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/onboardings",
                body: #"{"name": "", "kind": "sme", "username": "A B", "displayName": "x"}"#)
        },
    ]
}
