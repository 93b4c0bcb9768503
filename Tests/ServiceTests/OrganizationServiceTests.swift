import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Organization use cases")
struct OrganizationServiceTests {
    @Test("create trims the name, refuses an empty one and a taken one")
    func create() async throws {
        try await TestDatabase.withPool { db in
            let service = OrganizationService(database: db)
            let name = "潍坊职业学院 \(UUID().uuidString.prefix(8))"
            let created = try await service.create(name: "  \(name)  ", kind: .higherVocationalCollege, as: .system)
            #expect(created.name == name)

            let empty = await #expect(throws: ServiceError.self) {
                try await service.create(name: "   ", kind: .sme, as: .system)
            }
            guard case .invalid(let rule) = empty else {
                Issue.record("expected a validation error, got \(String(describing: empty))")
                return
            }
            #expect(rule.field == "name")

            let taken = await #expect(throws: ServiceError.self) {
                try await service.create(name: name, kind: .sme, as: .system)
            }
            guard case .conflict(let message, "taken") = taken else {
                Issue.record("expected a conflict, got \(String(describing: taken))")
                return
            }
            #expect(message.contains(name))
        }
    }
}
