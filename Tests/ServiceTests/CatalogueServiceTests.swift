import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Capability catalogue")
struct CatalogueServiceTests {
    static func entry(_ tag: String, kind: CapabilityKind = .equipment) -> NewCatalogueEntry {
        NewCatalogueEntry(tag: tag, labelZh: "焊工 \(tag)", labelEn: "Welder \(tag)", kind: kind)
    }

    @Test("a manager adds, renames and retires entries; every reader lists them; others may not change them")
    func crudAndAccess() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = CatalogueService(database: db)
            let manager = try await center.manager()
            let added = try await service.add(
                NewCatalogueEntry(
                    tag: " fitting ", labelZh: " 钳工 ", labelEn: "Bench fitting", kind: .skill, description: "锉削、划线"),
                to: center.center.id, as: manager)
            #expect(added.tag == "fitting" && added.labelZh == "钳工" && added.version == 1 && added.status == .active)
            let school = Principal.coordinator(of: center.school.id)
            let listed = try await service.entries(of: center.center.id, as: school)
            #expect(listed.map(\.tag).contains("fitting"))
            #expect(try await service.entry("fitting", of: center.center.id, as: school).labelEn == "Bench fitting")
            let forbidden = await #expect(throws: ServiceError.self) {
                try await service.add(Self.entry("welding.gas"), to: center.center.id, as: school)
            }
            guard case .forbidden = forbidden else {
                Issue.record("expected 403, got \(String(describing: forbidden))")
                return
            }
            let taken = await #expect(throws: ServiceError.self) {
                try await service.add(Self.entry("fitting"), to: center.center.id, as: manager)
            }
            guard case .conflict = taken else {
                Issue.record("expected 409")
                return
            }
            let badTag = await #expect(throws: ServiceError.self) {
                try await service.add(Self.entry("Bad Tag"), to: center.center.id, as: manager)
            }
            guard case .invalid(let tagError) = badTag else {
                Issue.record("expected 422")
                return
            }
            #expect(tagError.field == "tag" && tagError.rule == "tag")
            let renamed = try await service.change(
                "fitting", of: center.center.id, CatalogueChange(labelEn: "Fitting", status: .retired), version: 1,
                as: manager)
            #expect(renamed.labelEn == "Fitting" && renamed.labelZh == "钳工" && renamed.status == .retired)
            #expect(renamed.version == 2)
            let stale = await #expect(throws: ServiceError.self) {
                try await service.change(
                    "fitting", of: center.center.id, CatalogueChange(labelZh: "钳工实训"), version: 1, as: manager)
            }
            #expect(stale == .staleVersion(current: 2))
            let notFound = await #expect(throws: ServiceError.self) {
                try await service.change(
                    "nothing", of: center.center.id, CatalogueChange(labelZh: "无"), version: 1, as: manager)
            }
            #expect(notFound == .notFound(entity: "catalogue entry"))
            let audit = try await db.query(
                """
                SELECT count(*)::int4 AS n FROM audit_log
                WHERE entity = 'catalogue_entry' AND entity_id = \("\(center.center.id)/fitting")
                """
            ).first!
            #expect(try audit.decode("n", as: Int.self) == 2)
        }
    }

    @Test("new input naming a tag the catalogue lacks or retired is refused with rule catalogue, naming the field")
    func unknownTags() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let centers = CenterService(database: db)
            func refusal(_ body: () async throws -> Void) async -> DomainError? {
                let error = await #expect(throws: ServiceError.self) { try await body() }
                guard case .invalid(let problem) = error else { return nil }
                return problem
            }
            let resource = await refusal {
                _ = try await centers.addResource(
                    NewResource(kind: .room, name: "实验室", capabilities: ["plc", "laser.cut"], seats: 20),
                    to: center.center.id, as: .system)
            }
            #expect(resource?.field == "capabilities/1" && resource?.rule == "catalogue")
            let organizations = OrganizationService(database: db)
            let instructor = await refusal {
                _ = try await organizations.addInstructor(
                    NewInstructor(
                        organizationId: center.school.id, name: "赵老师", postType: .fixed, weeklyHourCap: 20,
                        skills: [.init(skill: "cnc.lathe"), .init(skill: "welding.gas")], availability: []),
                    to: center.center.id, as: .system)
            }
            #expect(instructor?.field == "skills/1/skill" && instructor?.rule == "catalogue")
            let cohort = try await organizations.addCohort(
                NewCohort(name: "数控班", size: 30), to: center.school.id, as: .system)
            func training(_ capability: String, skills: [String]) -> NewRequest {
                NewRequest(
                    organizationId: center.school.id, title: "数控车削实训",
                    details: .studentTraining(
                        StudentTrainingDetails(
                            cohortId: cohort.id, courseName: "数控车削", sessionsPerWeek: 1, weeks: 4,
                            startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 120, capability: capability,
                            studentsPerStation: 2, instructorSkills: skills)))
            }
            let requests = RequestService(database: db)
            let capability = await refusal {
                _ = try await requests.create(training("cnc.turning", skills: []), in: center.center.id, as: .system)
            }
            #expect(capability?.field == "details/capability" && capability?.rule == "catalogue")
            let skill = await refusal {
                _ = try await requests.create(
                    training("cnc.lathe", skills: ["cnc.lathe", "cnc.turning"]), in: center.center.id, as: .system)
            }
            #expect(skill?.field == "details/instructorSkills/1" && skill?.rule == "catalogue")
            _ = try await CatalogueService(database: db).change(
                "plc", of: center.center.id, CatalogueChange(status: .retired), version: 1, as: .system)
            let retired = await refusal {
                _ = try await requests.create(training("plc", skills: []), in: center.center.id, as: .system)
            }
            #expect(retired?.field == "details/capability" && retired?.message.contains("retired") == true)
            let accepted = try await requests.create(
                training("cnc.lathe", skills: []), in: center.center.id, as: .system)
            #expect(accepted.state == .draft)
        }
    }
}
