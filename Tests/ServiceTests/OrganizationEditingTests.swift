import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing organizations")
struct OrganizationEditingTests {
    /// A submitted student-training request of the fixture's school, so the school works at the center.
    static func request(_ fixture: CenterFixture) async throws -> Request {
        let cohort = try await OrganizationService(database: fixture.db).addCohort(
            NewCohort(name: "数控2401班", size: 30), to: fixture.school.id, as: .system)
        return try await RequestService(database: fixture.db).create(
            NewRequest(
                organizationId: fixture.school.id, title: "数控车削实训",
                details: .studentTraining(
                    .init(
                        cohortId: cohort.id, courseName: "数控车削", sessionsPerWeek: 1, weeks: 4,
                        startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 120, capability: "cnc.lathe",
                        studentsPerStation: 2, instructorSkills: ["cnc.lathe"])),
                submit: true),
            in: fixture.center.id, as: .system)
    }

    @Test("a manager of a center where it works renames it, audited; a stale version is 412")
    func rename() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            _ = try await Self.request(fixture)
            let service = OrganizationService(database: db)
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let renamed = try await service.change(
                fixture.school.id, OrganizationChange(name: "  \(fixture.school.name) 新校区 "),
                version: fixture.school.version, as: manager)
            #expect(renamed.name == "\(fixture.school.name) 新校区")
            #expect(renamed.version == fixture.school.version + 1)
            #expect(try await db.auditRows("organization", fixture.school.id, action: "update") == 1)
            await #expect(throws: ServiceError.staleVersion(current: renamed.version)) {
                _ = try await service.change(
                    fixture.school.id, OrganizationChange(name: "旧名"), version: fixture.school.version, as: manager)
            }
        }
    }

    @Test("another organization's coordinator gets 404, another center's manager 403, a blank name 422")
    func refusals() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            _ = try await Self.request(fixture)
            let service = OrganizationService(database: db)
            let change = OrganizationChange(name: "改名")
            await #expect(throws: ServiceError.notFound(entity: "organization")) {
                _ = try await service.change(fixture.school.id, change, version: 1, as: .coordinator(of: UUID()))
            }
            let elsewhere = await #expect(throws: ServiceError.self) {
                _ = try await service.change(fixture.school.id, change, version: 1, as: .manager(of: UUID()))
            }
            guard case .forbidden = elsewhere else {
                Issue.record("expected 403, got \(String(describing: elsewhere))")
                return
            }
            let blank = await #expect(throws: ServiceError.self) {
                _ = try await service.change(
                    fixture.school.id, OrganizationChange(name: "  "), version: 1, as: .manager(of: fixture.center.id))
            }
            guard case .invalid(let error) = blank else {
                Issue.record("expected 422")
                return
            }
            #expect(error.field == "name" && error.rule == "required")
        }
    }

    @Test("a school with requests may change level but not become an enterprise")
    func kindChanges() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            _ = try await Self.request(fixture)
            let service = OrganizationService(database: db)
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let refused = await #expect(throws: ServiceError.self) {
                _ = try await service.change(
                    fixture.school.id, OrganizationChange(kind: .sme), version: fixture.school.version, as: manager)
            }
            guard case .invalid(let error) = refused else {
                Issue.record("expected 422")
                return
            }
            #expect(error.field == "kind" && error.rule == "keepsRequests")
            let upgraded = try await service.change(
                fixture.school.id, OrganizationChange(kind: .undergraduateUniversity), version: fixture.school.version,
                as: manager)
            #expect(upgraded.kind == .undergraduateUniversity)
        }
    }
}
