import Domain
import Testing

@testable import Service

@Suite("An import row's refusal in both languages")
struct ImportRowTextTests {
    @Test("a conflict keeps the use case's rule; in Chinese its own words, or 与已有数据冲突 for a rule the table lacks")
    func conflicts() {
        let listed = ImportRowText.conflict("An organization named 齐鲁机床 already exists.", rule: "taken", row: 4)
        #expect(listed.rule == "taken" && listed.column == "row")
        #expect(listed.message.zh == "第4行「row」：名称已被占用（An organization named 齐鲁机床 already exists.）")
        #expect(listed.message.en == "Row 4, row: An organization named 齐鲁机床 already exists.")
        let unlisted = ImportRowText.conflict("The plan is published.", rule: "planStatus", row: 3)
        #expect(unlisted.rule == "planStatus")
        #expect(unlisted.message.zh == "第3行「row」：与已有数据冲突（The plan is published.）")
    }
}
