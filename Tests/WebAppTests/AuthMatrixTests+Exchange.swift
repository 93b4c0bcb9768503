import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension AuthTests.AuthMatrixTests {
    /// CSV imports and exports: importing a center's resources is its managers' (a dry run too);
    /// an export shows what the listing shows, to whoever reads it.
    static let exchangeRows: [Row] = [
        simple("POST /centers/:centerId/imports/:kind", only(managers, 200, else: 403)) { w in
            Target(
                uri: "/centers/\(w.center)/imports/resources?dryRun=true", headers: [.contentType: "text/csv"],
                body: "name,kind,seats\nx,room,3\n")
        },
        simple("GET /centers/:centerId/exports/:file", all(200)) { w in
            Target(uri: "/centers/\(w.center)/exports/resources.csv")
        },
        simple("GET /imports/templates/:file", all(200)) { _ in Target(uri: "/imports/templates/resources.csv") },
    ]
}
