import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

extension AuthTests {
    /// Every route × every caller × the school's and the enterprise's objects: the status, and
    /// that no answer carries a name the caller may not read. A route the router has and this
    /// table lacks fails the test.
    @Suite("Access matrix: every route, every role, own and foreign organization")
    struct AuthMatrixTests {
        typealias Caller = AuthMatrixWorld.Caller
        typealias Side = AuthMatrixWorld.Side
        typealias Expect = [Caller: Int]

        /// One request to make: where, with which headers and body.
        struct Target: Sendable {
            var uri: String
            var headers: HTTPFields = [:]
            var body: String?
        }

        /// A route, the request each side makes of it, and the status each caller must get.
        struct Row: Sendable {
            let route: String
            let cases: [Side: Expect]
            let target: @Sendable (AuthMatrixWorld, Side, any TestClientProtocol) async throws -> Target
        }

        static func all(_ status: Int) -> Expect {
            Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, status) })
        }

        static func only(_ callers: Set<Caller>, _ status: Int, else other: Int, _ overrides: Expect = [:]) -> Expect {
            var expect = Dictionary(
                uniqueKeysWithValues: Caller.allCases.map { ($0, callers.contains($0) ? status : other) })
            expect.merge(overrides) { $1 }
            return expect
        }

        static let range = "from=2031-03-01T00:00:00Z&to=2031-03-31T00:00:00Z"
        static let staleIfMatch: HTTPFields = [.ifMatch: "\"999\""]

        /// Readers of an organization's things: everyone consortium-wide or managing a center, and its own people.
        static func organizationReaders(_ side: Side) -> Expect {
            side == .school
                ? only([.admin, .auditor, .manager, .otherManager, .school, .instructor], 200, else: 404)
                : only([.admin, .auditor, .manager, .otherManager, .enterprise], 200, else: 404)
        }

        /// Who reads an organization's or its cohort's timetable: its own people, admins, auditors,
        /// and the managers of a center where it has work (not `otherManager`).
        static func timetableReaders(_ side: Side) -> Expect {
            // the school also works at the other center (its manager reads that part); the enterprise does not
            organizationReaders(side).merging([.otherManager: side == .school ? 200 : 404]) { $1 }
        }

        static func simple(
            _ route: String, _ expect: Expect, _ target: @escaping @Sendable (AuthMatrixWorld) -> Target
        ) -> Row {
            Row(route: route, cases: [.none: expect]) { world, _, _ in target(world) }
        }

        static func sided(
            _ route: String, _ cases: [Side: Expect], _ target: @escaping @Sendable (AuthMatrixWorld, Side) -> Target
        ) -> Row {
            Row(route: route, cases: cases) { world, side, _ in target(world, side) }
        }
    }
}
