import Allocator
import Foundation
import TestSupport
import Testing

@Suite("Plain-language texts of the preferences")
struct ConstraintTextTests {
    @Test("every soft constraint has its summary text, with its singular form, in both page languages")
    func everySoftConstraint() throws {
        let folder = TestDatabase.repositoryRoot.appendingPathComponent("Sources/WebUI/Resources/i18n")
        for language in ["zh-CN", "en"] {
            let table = try JSONDecoder().decode(
                [String: String].self, from: Data(contentsOf: folder.appendingPathComponent("\(language).json")))
            for constraint in ConstraintID.allCases where constraint.level == .soft {
                #expect(
                    table["constraint_\(constraint.rawValue)"]?.contains("{n}") == true, "\(language) \(constraint)")
                #expect(table["constraint_\(constraint.rawValue)_one"] != nil, "\(language) \(constraint)")
            }
        }
    }
}
