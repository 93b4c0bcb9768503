import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// The in-app list and preferences: one's own notices only, read marks, muted events, languages.
@Suite("In-app notices")
struct NoticeServiceTests {
    @Test("a wait-listing writes one notice per coordinator in their language, with the reason; a refused move none")
    func outbox() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db, email: false)
            let service = NoticeService(database: db)
            let request = try await fixture.submittedRequest()
            // a stale move is refused: its transaction wrote no notice
            await #expect(throws: ServiceError.staleVersion(current: request.version)) {
                try await RequestService(database: db).move(
                    request.id, to: .rejected, reason: "x", version: request.version + 5, as: .system)
            }
            #expect(try await service.unreadCount(as: fixture.english) == 0)
            try await fixture.move(request, through: [.waitListed], reason: "名额已满")
            let english = try await service.notices(page: Page(), as: fixture.english)
            let chinese = try await service.notices(page: Page(), as: fixture.chinese)
            #expect(english.map(\.title) == ["Request wait-listed: 焊接机器人操作"])
            #expect(english.first?.body.hasSuffix("Reason: 名额已满") == true)
            #expect(chinese.map(\.title) == ["申请列入候补：焊接机器人操作"])
            // the manager was told of the submission, not of the wait-listing
            #expect(try await service.notices(page: Page(), as: fixture.manager).map(\.event) == ["request.submitted"])
        }
    }

    @Test("marking read: one's own notice only (another's is 404), then all; the unread count follows")
    func readMarks() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db, email: false)
            let service = NoticeService(database: db)
            for _ in 0..<2 {
                try await fixture.move(try await fixture.submittedRequest(), through: [.rejected], reason: "不符合")
            }
            #expect(try await service.unreadCount(as: fixture.english) == 2)
            let first = try #require(try await service.notices(page: Page(), as: fixture.english).first)
            await #expect(throws: ServiceError.notFound(entity: "notice")) {
                try await service.markRead(first.id, as: fixture.chinese)
            }
            #expect(try await service.markRead(first.id, as: fixture.english).readAt != nil)
            #expect(try await service.unreadCount(as: fixture.english) == 1)
            #expect(try await service.notices(unreadOnly: true, page: Page(), as: fixture.english).count == 1)
            #expect(try await service.markAllRead(as: fixture.english) == 1)
            #expect(try await service.unreadCount(as: fixture.english) == 0)
            #expect(try await service.unreadCount(as: fixture.chinese) == 2)
        }
    }

    @Test("preferences: a stale version is 412, a bad address or language 422 naming the field")
    func preferences() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db, email: false)
            let service = NoticeService(database: db)
            let current = try await service.preferences(as: fixture.english)
            #expect(current.language == "en" && current.version == 1 && current.mutedEvents == [.requestPlanned])
            await #expect(throws: ServiceError.staleVersion(current: 1)) {
                try await service.updatePreferences(current, version: 0, as: fixture.english)
            }
            for (bad, field) in [
                (NoticePreferences(language: "fr"), "language"),
                (NoticePreferences(email: "no-at-sign", emailEnabled: true), "email"),
                (NoticePreferences(emailEnabled: true), "email"),
            ] {
                do {
                    _ = try await service.updatePreferences(bad, version: 1, as: fixture.english)
                    Issue.record("accepted \(bad)")
                } catch ServiceError.invalid(let error) {
                    #expect(error.field == field)
                }
            }
            let muted = try await service.updatePreferences(
                NoticePreferences(language: "zh-CN", mutedEvents: [.requestRejected]), version: 1, as: fixture.english)
            #expect(muted.version == 2 && !muted.emailEnabled)
            try await fixture.move(try await fixture.submittedRequest(), through: [.rejected], reason: "不符合")
            #expect(try await service.unreadCount(as: fixture.english) == 0, "muted")
        }
    }
}
