import Testing

extension AuthTests.AuthMatrixTests {
    /// The writes an auditor may make, as every caller may: their own session, tokens, calendar feeds
    /// and notices, and the public ones (self check-in). Nothing shared.
    static let auditorsOwnWrites: Set<String> = [
        "POST /logout", "POST /tokens", "POST /feeds", "POST /notices/read-all", "PUT /notice-preferences",
        "POST /check-in",
    ]

    @Test("an auditor changes nothing: every write route of the access matrix refuses them, bar their own things")
    func auditorWritesNothing() {
        var passed: Set<String> = []
        for row in Self.rows where !row.route.hasPrefix("GET ") {
            for expect in row.cases.values where ![401, 403, 404].contains(expect[.auditor]) {
                passed.insert(row.route)
                // what an auditor passes, every caller passes alike: nobody's shared data
                #expect(Set(expect.values).count == 1, "\(row.route) lets an auditor through as it does not others")
            }
        }
        #expect(passed == Self.auditorsOwnWrites, "write routes an auditor gets through: \(passed.sorted())")
    }
}
