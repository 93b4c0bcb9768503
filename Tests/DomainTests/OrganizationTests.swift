import Domain
import Foundation
import TestSupport
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
        let long = #expect(throws: DomainError.self) {
            try Organization.validatedName(String(repeating: "a", count: 201))
        }
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
        #expect(
            Category.allCases.map(\.rawValue) == [
                "student_training", "employee_upskilling", "shared_employee", "pilot_production",
            ])
        #expect(Category.pilotProduction.chineseName == "产品中试")
    }

    @Test("a date has four digits of year (0001–9999), two of month and day, and exists")
    func dates() throws {
        try Validate.date("2028-02-29", field: "d")
        for bad in ["+999-01-01", "0000-01-01", "2026-02-29", "2026-1-01", "２０２６-01-01"] {
            let error = #expect(throws: DomainError.self) { try Validate.date(bad, field: "d") }
            #expect(error?.rule == "date")
        }
    }

    @Test("names are counted in code points, as PostgreSQL counts them")
    func codePoints() {
        let error = #expect(throws: DomainError.self) {
            try Validate.name(String(repeating: "👍🏽", count: 150), field: "name")
        }
        #expect(error?.rule == "maxLength")
    }

    @Test("an instructor's availabilities of one weekday may not overlap")
    func availabilityOverlap() {
        let instructor = NewInstructor(
            organizationId: UUID(), name: "王老师", postType: .fixed, weeklyHourCap: 20, skills: [],
            availability: [
                .init(weekday: 1, from: "08:00", to: "12:00"), .init(weekday: 2, from: "08:00", to: "12:00"),
                .init(weekday: 1, from: "08:00", to: "10:00"),
            ])
        let error = #expect(throws: DomainError.self) { try instructor.validated() }
        #expect(error?.field == "availability/2")
        #expect(error?.rule == "overlap")
    }
}
