import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp
import Yams

@Suite("The OpenAPI document describes the router")
struct OpenAPITests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `docs/openapi.yaml`, a link to the copy the WebApp target ships as a resource.
    static let file = TestDatabase.repositoryRoot.appendingPathComponent("docs/openapi.yaml")

    /// The document as a YAML tree.
    static func document() throws -> [String: Any] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    /// The production router, on a pool that these tests never make connect.
    static func withRouter(_ body: (Router<AppRequestContext>) async throws -> Void) async throws {
        let db = Database(configuration: DatabaseConfiguration(maxConnections: 1))
        let migrator = Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
        do {
            try await body(buildRouter(database: db, migrator: migrator))
            await db.shutdown()
        } catch {
            await db.shutdown()
            throw error
        }
    }

    /// `GET /centers/{centerId}`: Hummingbird's `:name` captures written as OpenAPI templates.
    static func operation(_ method: String, _ path: String) -> String {
        let segments = path.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }
        return "\(method.uppercased()) /\(segments.joined(separator: "/"))"
    }

    /// Every operation of the document, as `METHOD /path`.
    static func documentedOperations(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: Any])
        return Set(
            try paths.flatMap { path, item in
                let item = try #require(item as? [String: Any], "\(path) is not a path item")
                return item.keys.filter(methods.contains).map { operation($0, path) }
            })
    }

    /// Routes of the HTML UI (`/`, the icon browsers ask for, and everything under `/ui/`): pages
    /// for people, not API operations; the document's description says so, and `WebUITests` cover them.
    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "" || path == "/ui" || path.hasPrefix("/ui/") || path.hasPrefix("ui/") || path == "ui"
            || path.hasSuffix("favicon.ico")
    }

    @Test("every route is documented and every documented operation is a route")
    func parity() async throws {
        let documented = try Self.documentedOperations(try Self.document())
        try await Self.withRouter { router in
            let routed = Set(
                router.routes.filter { !Self.isPage($0.path.description) }.map {
                    Self.operation($0.method.rawValue, $0.path.description)
                })
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from docs/openapi.yaml")
            #expect(documented.subtracting(routed).sorted() == [], "documented operations the router does not have")
        }
    }

    @Test("the document is OpenAPI 3.1: operations answer, path templates are declared, references resolve")
    func wellFormed() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        var operationIds: [String] = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            let shared = item["parameters"] as? [Any] ?? []
            for (method, operation) in item where Self.methods.contains(method) {
                let operation = try #require(operation as? [String: Any])
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(!responses.isEmpty, "\(method) \(path) has no responses")
                operationIds.append(
                    try #require(operation["operationId"] as? String, "\(method) \(path) has no operationId"))
                let parameters = try (shared + (operation["parameters"] as? [Any] ?? [])).map {
                    try Self.resolve($0, in: document)
                }
                let declared = Set(
                    parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                #expect(
                    declared == Self.templateNames(path),
                    "\(method) \(path) declares path parameters \(declared.sorted())")
            }
        }
        #expect(Set(operationIds).count == operationIds.count, "operationIds repeat")
        for reference in Self.references(in: document) {
            #expect(throws: Never.self, "\(reference) does not resolve") {
                try Self.resolve(["$ref": reference], in: document)
            }
        }
    }

    @Test("the conflict problem lists every rule a service's conflict names, and no other")
    func conflictRules() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.contains("| `/problems/conflict` |") })
        let documented = Set(
            row.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        ).subtracting(["/problems/conflict", "rule"])
        let sources = TestDatabase.repositoryRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        var thrown: Set<String> = []
        for file in files where file.hasSuffix(".swift") {
            var rest = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)[...]
            while let call = rest.range(of: "throw ServiceError.conflict(") {
                rest = rest[call.upperBound...]
                let rule = try #require(rest.range(of: #"rule: "[A-Za-z]+""#, options: .regularExpression))
                thrown.insert(String(rest[rule].dropFirst(7).dropLast()))
            }
        }
        #expect(thrown.count > 10)
        #expect(documented == thrown)
    }

    @Test("GET /openapi.yaml serves the document as application/yaml")
    func served() async throws {
        let file = try Data(contentsOf: Self.file)
        try await Self.withRouter { router in
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/yaml")
                    #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil)
                    #expect(Data(response.body.readableBytesView) == file)
                }
            }
        }
    }

    /// `{name}` segments of an OpenAPI path.
    static func templateNames(_ path: String) -> Set<String> {
        Set(
            path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map {
                String($0.dropFirst().dropLast())
            })
    }

    /// Every `$ref` value anywhere in a YAML tree.
    static func references(in node: Any) -> [String] {
        switch node {
        case let map as [String: Any]:
            (map["$ref"] as? String).map { [$0] } ?? map.values.flatMap(references(in:))
        case let list as [Any]:
            list.flatMap(references(in:))
        default:
            []
        }
    }

    struct UnresolvedReference: Error { let reference: String }

    /// The object a node stands for: itself, or what its local `$ref` (`#/components/…`) points at.
    static func resolve(_ node: Any, in document: [String: Any]) throws -> [String: Any] {
        guard let map = node as? [String: Any] else { throw UnresolvedReference(reference: "\(node)") }
        guard let reference = map["$ref"] as? String else { return map }
        guard reference.hasPrefix("#/") else { throw UnresolvedReference(reference: reference) }
        var target: Any = document
        for token in reference.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (target as? [String: Any])?[key] else { throw UnresolvedReference(reference: reference) }
            target = next
        }
        return try resolve(target, in: document)
    }
}
