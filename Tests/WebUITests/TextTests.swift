import Foundation
import TestSupport
import Testing

/// Both languages have every text, and every text a template asks for exists.
@Suite("Web UI texts")
struct TextTests {
    static let resources = TestDatabase.repositoryRoot.appendingPathComponent("Sources/WebUI/Resources")

    static func table(_ language: String) throws -> [String: String] {
        try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: resources.appendingPathComponent("i18n/\(language).json")))
    }

    @Test("zh-CN and en have the same keys, and every {{t.key}} of the templates is one of them")
    func complete() throws {
        let (zh, en) = (try Self.table("zh-CN"), try Self.table("en"))
        #expect(Set(zh.keys) == Set(en.keys))
        let folder = Self.resources.appendingPathComponent("templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let range = rest.range(of: #"\{\{t\.[A-Za-z0-9_]+\}\}"#, options: .regularExpression) {
                let key = String(rest[range].dropFirst(4).dropLast(2))
                #expect(zh[key] != nil, "\(file) uses t.\(key), which zh-CN.json lacks")
                rest = rest[range.upperBound...]
            }
        }
    }

    @Test("every rule a refusal names in Sources (rule: \"…\") has its text in both languages")
    func everyRule() throws {
        let (zh, en) = (try Self.table("zh-CN"), try Self.table("en"))
        let sources = TestDatabase.repositoryRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        var rules: Set<String> = []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let range = rest.range(of: #"rule: "[A-Za-z]+""#, options: .regularExpression) {
                rules.insert(String(rest[range].dropFirst(7).dropLast()))
                rest = rest[range.upperBound...]
            }
        }
        #expect(rules.count > 50)
        for rule in rules.sorted() {
            #expect(zh["rule_\(rule)"] != nil && en["rule_\(rule)"] != nil, "rule \(rule) has no page text")
        }
    }
}
