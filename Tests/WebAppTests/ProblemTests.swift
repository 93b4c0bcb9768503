import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Errors become application/problem+json")
struct ProblemTests {
    struct Booking: Decodable {
        struct Slot: Decodable { let start: Int }
        let title: String
        let seats: Int
        let slots: [Slot]
    }

    struct Secret: Error { let password = "hunter2" }

    /// The production router plus two routes that exercise body decoding and an unexpected error.
    func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            router.post("probe/decode") { request, context in
                let booking = try await request.decodeJSON(as: Booking.self, context: context)
                return "\(booking.title) \(booking.seats)"
            }
            router.get("probe/crash") { _, _ -> String in throw Secret() }
            router.post("probe/store") { request, context in
                let text = try await request.decodeJSON(as: [String: String].self, context: context)["text"] ?? ""
                return try await db.query("SELECT \(text)::text AS t").first!.decode("t", as: String.self)
            }
            try await Application(router: router).test(.router) {
                try await test(try await AdminClient.signing($0, db: db))
            }
        }
    }

    func problem(_ response: TestResponse) throws -> Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try Problem(response.body)
    }

    @Test("an unknown route is 404 problem+json")
    func unknownRoute() async throws {
        try await withApp { client in
            try await client.execute(uri: "/no/such/thing", method: .get) { response in
                #expect(response.status == .notFound)
                let problem = try problem(response)
                #expect(problem.type == "/problems/not-found")
                #expect(problem.instance == "/no/such/thing")
            }
        }
    }

    @Test(
        "a body that is not JSON is 400",
        arguments: ["{\"title\": ", "not json", "[1, 2"])
    func malformed(_ body: String) async throws {
        try await withApp { client in
            try await client.execute(uri: "/probe/decode", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let type = try problem(response).type
                #expect(type == "/problems/malformed-body")
            }
        }
    }

    @Test(
        "a missing or mistyped field is 422 with its JSON Pointer and rule",
        arguments: [
            (#"{"seats": 3, "slots": []}"#, "/title", "required"),
            (#"{"title": "CNC", "seats": "three", "slots": []}"#, "/seats", "type"),
            (#"{"title": "CNC", "seats": 3, "slots": [{"start": 1}, {}]}"#, "/slots/1/start", "required"),
            (#"{"title": null, "seats": 3, "slots": []}"#, "/title", "required"),
        ])
    func invalidField(_ body: String, _ field: String, _ rule: String) async throws {
        try await withApp { client in
            try await client.execute(uri: "/probe/decode", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try problem(response)
                #expect(problem.type == "/problems/validation")
                #expect(problem.field == field)
                #expect(problem.rule == rule)
            }
        }
    }

    @Test("a throttled refusal with a rule (self check-in) is 429 naming the rule, with Retry-After")
    func throttledRule() throws {
        let problem = try #require(ServiceError.throttled(retryAfter: 42, rule: "checkInAttempts").problem)
        #expect(problem.status == .tooManyRequests && problem.rule == "checkInAttempts")
        #expect(problem.headers[.retryAfter] == "42")
        #expect(try #require(ServiceError.throttled(retryAfter: 5).problem).rule == nil)
    }

    @Test("a body over the size limit is 413")
    func tooLarge() async throws {
        try await withApp { client in
            let huge = "{\"title\": \"" + String(repeating: "x", count: 3 * 1024 * 1024) + "\"}"
            try await client.execute(uri: "/probe/decode", method: .post, body: ByteBuffer(string: huge)) { response in
                #expect(response.status == .contentTooLarge)
                let type = try problem(response).type
                #expect(type == "/problems/body-too-large")
            }
        }
    }

    @Test("a NUL in a text no field check caught is 422, not 500")
    func nul() async throws {
        try await withApp { client in
            try await client.execute(
                uri: "/probe/store", method: .post, body: ByteBuffer(string: #"{"text": "a\u0000b"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let rule = try problem(response).rule
                #expect(rule == "characters")
            }
            try await client.execute(uri: "/probe/store", method: .post, body: ByteBuffer(string: #"{"text": "ab"}"#)) {
                response in
                #expect(String(buffer: response.body) == "ab")
            }
        }
    }

    @Test("an unexpected error is a generic 500 that reveals nothing but the request id")
    func unexpected() async throws {
        try await withApp { client in
            try await client.execute(uri: "/probe/crash", method: .get) { response in
                #expect(response.status == .internalServerError)
                let body = String(buffer: response.body)
                #expect(!body.contains("hunter2"))
                #expect(!body.contains("Secret"))
                let requestID = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
                let detail = try problem(response).detail
                #expect(detail?.contains(requestID) == true)
            }
        }
    }
}
