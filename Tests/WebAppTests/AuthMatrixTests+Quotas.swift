import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension AuthTests.AuthMatrixTests {
    /// Quotas: set by the center's managers, read by them, auditors and the organization's own
    /// coordinators; hidden from everyone else.
    static let quotaRows: [Row] = [
        simple("GET /centers/:centerId/quotas", all(200)) { w in Target(uri: "/centers/\(w.center)/quotas") },
        simple("POST /centers/:centerId/quotas", only(managers, 422, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/quotas",
                body: #"{"organizationId": "\#(w.organization[.school]!)", "period": "week", "hours": 0}"#)
        },
        Row(route: "GET /quotas/:quotaId", cases: [.none: only([.admin, .auditor, .manager, .school], 200, else: 404)])
        {
            w, _, admin in try await schoolQuota(w, admin)
        },
        Row(
            route: "PUT /quotas/:quotaId",
            cases: [.none: only(managers, 412, else: 404, [.auditor: 403, .school: 403])]
        ) { w, _, admin in
            var target = try await schoolQuota(w, admin)
            target.headers = staleIfMatch
            target.body = #"{"organizationId": "\#(w.organization[.school]!)", "period": "week", "hours": 5}"#
            return target
        },
        Row(
            route: "DELETE /quotas/:quotaId",
            cases: [.none: only(managers, 204, else: 404, [.auditor: 403, .school: 403])]
        ) { w, _, admin in try await schoolQuota(w, admin) },
    ]

    /// A new quota of the school at the center, set by the admin: its address.
    static func schoolQuota(_ w: AuthMatrixWorld, _ admin: any TestClientProtocol) async throws -> Target {
        let created = try await admin.execute(
            uri: "/centers/\(w.center)/quotas", method: .post,
            body: ByteBuffer(
                string:
                    #"{"organizationId": "\#(w.organization[.school]!)", "category": "pilot_production", "period": "month", "hours": 20}"#
            ))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any])
        return Target(uri: "/quotas/\(try #require(object["id"] as? String))")
    }
}
