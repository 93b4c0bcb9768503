import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing requests")
struct RequestEditingTests {
    @Test("the requester edits a submitted request's title and details, checked and audited; 412 when stale")
    func edit() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let request = try await OrganizationEditingTests.request(fixture)
            let service = RequestService(database: db)
            let school = try await db.stored(.coordinator(of: fixture.school.id))
            guard case .studentTraining(var details) = request.details else { throw ServiceError.concurrentUpdate }
            details.weeks = 8
            let edited = try await service.edit(
                request.id, RequestEdit(title: " 数控车削（加长） ", details: .studentTraining(details)),
                version: request.version, as: school)
            #expect(edited.title == "数控车削（加长）" && edited.details == .studentTraining(details))
            #expect(edited.state == .submitted && edited.version == request.version + 1)
            #expect(try await db.auditRows("request", request.id, action: "update") == 1)
            let fromForm = try await service.edit(
                request.id, RequestEdit(fields: ["weeks": "10", "startDate": "2026-03-09"]), version: edited.version,
                as: school)
            guard case .studentTraining(let merged) = fromForm.details else { throw ServiceError.concurrentUpdate }
            #expect(merged.weeks == 10 && merged.startDate == "2026-03-09" && merged.courseName == details.courseName)
            await #expect(throws: ServiceError.staleVersion(current: fromForm.version)) {
                _ = try await service.edit(request.id, RequestEdit(title: "旧"), version: edited.version, as: school)
            }
        }
    }

    @Test("bad details are 422 naming the field; another school gets 404; another category is refused")
    func refusals() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let request = try await OrganizationEditingTests.request(fixture)
            let service = RequestService(database: db)
            let school = Principal.coordinator(of: fixture.school.id)
            let tooLong = await #expect(throws: ServiceError.self) {
                _ = try await service.edit(request.id, RequestEdit(fields: ["weeks": "99"]), version: 1, as: school)
            }
            #expect(tooLong.broken?.field == "details/weeks" && tooLong.broken?.rule == "range")
            let notNumber = await #expect(throws: ServiceError.self) {
                _ = try await service.edit(request.id, RequestEdit(fields: ["weeks": "八"]), version: 1, as: school)
            }
            #expect(notNumber.broken?.field == "details/weeks" && notNumber.broken?.rule == "type")
            let otherCategory = await #expect(throws: ServiceError.self) {
                _ = try await service.edit(
                    request.id,
                    RequestEdit(
                        details: .pilotProduction(
                            .init(days: 2, earliestStart: "2026-03-02", latestStart: "2026-03-09"))),
                    version: 1, as: school)
            }
            #expect(otherCategory.broken?.field == "category" && otherCategory.broken?.rule == "unchanged")
            await #expect(throws: ServiceError.notFound(entity: "request")) {
                _ = try await service.edit(
                    request.id, RequestEdit(title: "别人的"), version: 1, as: .coordinator(of: UUID()))
            }
        }
    }

    @Test("once approved, an edit is refused naming the state")
    func afterApproval() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let request = try await OrganizationEditingTests.request(fixture)
            let service = RequestService(database: db)
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let planned = try await service.move(request.id, to: .planned, reason: nil, version: 1, as: manager)
            let confirmed = try await service.move(
                request.id, to: .confirmed, reason: nil, version: planned.version, as: manager)
            await #expect(
                throws: ServiceError.conflict(
                    "The request is confirmed; only a draft or submitted request is edited.", rule: "editable")
            ) {
                _ = try await service.edit(
                    request.id, RequestEdit(title: "改晚了"), version: confirmed.version,
                    as: .coordinator(of: fixture.school.id))
            }
            #expect(try await db.auditRows("request", request.id, action: "update") == 0)
        }
    }
}
