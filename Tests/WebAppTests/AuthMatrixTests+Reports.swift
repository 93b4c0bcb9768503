import Foundation
import HTTPTypes
import Testing

extension AuthTests.AuthMatrixTests {
    /// A center's reports: its managers, auditors and admins, and coordinators (their own rows); the
    /// public report's full edition: managers, auditors and admins.
    static let reportRows: [Row] = [
        simple(
            "GET /centers/:centerId/reports/:report",
            only([.admin, .auditor, .manager, .school, .enterprise], 200, else: 403)
        ) { w in
            Target(uri: "/centers/\(w.center)/reports/pilot?from=2031-03-01&to=2031-03-31")
        },
        simple("GET /centers/:centerId/reports/public", only([.admin, .auditor, .manager], 200, else: 403)) { w in
            Target(uri: "/centers/\(w.center)/reports/public?from=2031-03-01&to=2031-03-31")
        },
    ]
}
