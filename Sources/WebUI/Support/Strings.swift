import Foundation

/// The texts of the pages in each language, from `i18n/<language>.json` (flat keys).
struct Strings: Sendable {
    private let tables: [Language: [String: String]]

    init() throws {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard
                let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "i18n")
            else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "i18n/\(language.rawValue).json"])
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        self.tables = tables
    }

    /// Every text of a language, for templates (`{{t.key}}`).
    func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// One text; the key itself when it is missing (a test checks none is).
    func text(_ key: String, _ language: Language) -> String {
        lookUp(key, language) ?? key
    }

    /// One text whose key is made from a value (a status, a rule); `nil` when there is none.
    func lookUp(_ key: String, _ language: Language) -> String? {
        tables[language]?[key]
    }

    /// The sentence for a rule a service named (`rule_<rule>`); `nil` when there is none.
    func rule(_ rule: String, _ language: Language) -> String? {
        lookUp("rule_\(rule)", language)
    }
}
