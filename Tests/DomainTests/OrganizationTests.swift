import Domain
import Testing

@Suite("Organizations")
struct OrganizationTests {
    @Test("names are trimmed and must have 1 to 200 characters")
    func names() throws {
        #expect(try Organization.validatedName("  山东职业学院 ") == "山东职业学院")
        #expect(try Organization.validatedName(String(repeating: "厂", count: 200)).count == 200)
        let empty = #expect(throws: DomainError.self) { try Organization.validatedName(" \n ") }
        #expect(empty?.field == "name")
        #expect(empty?.rule == "required")
        let long = #expect(throws: DomainError.self) { try Organization.validatedName(String(repeating: "a", count: 201)) }
        #expect(long?.rule == "maxLength")
        #expect(long?.message.contains("201") == true)
    }

    @Test("schools and enterprises are told apart")
    func kinds() {
        #expect(OrganizationKind.allCases.filter(\.isSchool).count == 3)
        #expect(OrganizationKind.allCases.filter(\.isEnterprise) == [.largeEnterprise, .sme])
        #expect(!OrganizationKind.centerOperator.isSchool && !OrganizationKind.centerOperator.isEnterprise)
    }

    @Test("the four categories keep their API values")
    func categories() {
        #expect(Category.allCases.map(\.rawValue) == ["student_training", "employee_upskilling", "shared_employee", "pilot_production"])
        #expect(Category.pilotProduction.chineseName == "产品中试")
    }
}
