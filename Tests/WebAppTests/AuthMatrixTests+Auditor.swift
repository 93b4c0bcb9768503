import Testing

extension AuthTests.AuthMatrixTests {
    /// The writes every caller makes alike, auditors included: their own session, tokens, calendar
    /// feeds and notices, and the public ones (signing in, self check-in). Nothing shared.
    static let ownOrPublicWrites: Set<String> = []

    @Test("an auditor changes nothing: every write route of the access matrix refuses them (401, 403 or 404)")
    func auditorWritesNothing() {
        var alike: Set<String> = []
        for row in Self.rows where !row.route.hasPrefix("GET ") {
            for (side, expect) in row.cases {
                if Set(expect.values).count == 1 {
                    alike.insert(row.route)
                    continue
                }
                #expect([401, 403, 404].contains(expect[.auditor]), "\(row.route) [\(side)] lets an auditor through")
            }
        }
        // a write route that every caller passes alike must be one of the caller's own
        #expect(alike == Self.ownOrPublicWrites, "writes every caller passes alike: \(alike.sorted())")
    }
}
