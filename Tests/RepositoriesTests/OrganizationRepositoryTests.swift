import Database
import Domain
import Foundation
import Repositories
import TestSupport
import Testing

@Suite("Organization repository")
struct OrganizationRepositoryTests {
    let repository = OrganizationRepository()

    @Test("an inserted organization is found again, Chinese name intact")
    func insertAndFind() async throws {
        try await TestDatabase.withPool { db in
            let name = "济南智能制造企业 \(UUID().uuidString.prefix(8))"
            let repository = repository
            let created = try await db.withTransaction { try repository.insert(name: name, kind: .sme, on: $0) }
            #expect(created.name == name)
            #expect(created.kind == .sme)
            #expect(created.version == 1)
            let found = try await db.withConnection { try repository.find(id: created.id, on: $0) }
            #expect(found == created)
            let missing = try await db.withConnection { try repository.find(id: UUID(), on: $0) }
            #expect(missing == nil)
        }
    }

    @Test("a taken name is a unique violation naming the constraint")
    func duplicate() async throws {
        try await TestDatabase.withPool { db in
            let name = "Duplicate \(UUID().uuidString)"
            let repository = repository
            _ = try await db.withTransaction { try repository.insert(name: name, kind: .largeEnterprise, on: $0) }
            let error = await #expect(throws: DatabaseError.self) {
                try await db.withTransaction { try repository.insert(name: name, kind: .sme, on: $0) }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(error?.constraint == "organizations_name_unique")
        }
    }

    @Test("the SQL enum organization_kind has exactly the Swift cases")
    func enumParity() async throws {
        try await TestDatabase.withPool { db in
            let row = try await db.query("SELECT enum_range(NULL::organization_kind)::text[] AS kinds").first!
            let kinds = try row.decode("kinds", as: [String].self)
            #expect(kinds == OrganizationKind.allCases.map(\.rawValue))
        }
    }
}
