import Access
import Database
import Domain
import Foundation
import Outbound
import Repositories
import Service
import TestSupport
import Testing

/// Notices reach people by e-mail through a real SMTP server (aiosmtpd, parsed by Python's own
/// e-mail package), through the one job queue, nothing lost and nothing sent twice per delivery id.
/// Serialized: the workers of these tests share the queue.
@Suite("Notices by e-mail", .serialized)
struct NoticeDeliveryTests {
    /// The messages `smtp` received for this fixture's addresses.
    static func mails(_ smtp: PythonServer, _ fixture: NoticeFixture) throws -> [[String: Any]] {
        try smtp.received().filter { ($0["to"] as? [String])?.first?.contains(fixture.tag) == true }
    }

    /// The attempts of the fixture's e-mail deliveries.
    static func attempts(_ fixture: NoticeFixture) async throws -> [Int] {
        try await fixture.db.query(
            """
            SELECT d.attempts FROM deliveries d JOIN notices n ON n.id = d.notice_id
            JOIN users u ON u.id = n.user_id WHERE u.organization_id = \(fixture.setting.enterprise.id)
            ORDER BY d.id
            """
        ).map { try $0.decode("attempts", as: Int.self) }
    }

    @Test("approving a request mails each coordinator in their language; a muted event sends nothing")
    func approvalMail() async throws {
        let smtp = try PythonServer(script: "smtp_sink")
        try await smtp.start()
        defer { smtp.stop() }
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db)
            let request = try await fixture.submittedRequest()
            try await fixture.move(request, through: [.planned, .confirmed])
            // the English coordinator muted request.planned: 1 mail; the Chinese one: 2
            try await NoticeFixture.drain(NoticeFixture.worker(db, smtp: smtp))
            try await PythonServer.waitFor("three mails") { try Self.mails(smtp, fixture).count >= 3 }
            let mails = try Self.mails(smtp, fixture)
            #expect(mails.count == 3)
            let english = mails.filter { ($0["to"] as? [String]) == ["en-\(fixture.tag)@example.org"] }
            #expect(english.map { $0["subject"] as? String } == ["Request approved: 焊接机器人操作"])
            let body = try #require(english.first?["body"] as? String)
            #expect(body.contains("https://praxis.example.org/requests/\(request.id.uuidString.lowercased())"))
            let chinese = mails.filter { ($0["to"] as? [String]) == ["zh-\(fixture.tag)@example.org"] }
            #expect(
                Set(chinese.compactMap { $0["subject"] as? String })
                    == ["申请排入计划：焊接机器人操作", "申请批准：焊接机器人操作"])
            // the in-app list holds the same notices, unread
            let inbox = try await NoticeService(database: db).notices(page: Page(), as: fixture.english)
            #expect(inbox.map(\.event) == ["request.approved"])
            #expect(inbox.first?.language == "en" && inbox.first?.readAt == nil)
        }
    }

    @Test("the mail server down for a while: deliveries wait their back-off and all arrive after, once each")
    func serverDown() async throws {
        let smtp = try PythonServer(script: "smtp_sink")
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db)
            let worker = NoticeFixture.worker(db, smtp: smtp)
            for _ in 0..<2 {
                try await fixture.move(try await fixture.submittedRequest(), through: [.waitListed], reason: "满额")
            }
            let now = Date()
            // down: 4 attempts (2 requests × 2 coordinators) fail and wait
            #expect(try await NoticeFixture.drain(worker, now: now) >= 4)
            try await NoticeFixture.drain(worker, now: now.addingTimeInterval(10))
            #expect(try await Self.attempts(fixture) == [1, 1, 1, 1], "no retry inside the back-off")
            try await smtp.start()
            defer { smtp.stop() }
            #expect(try await NoticeFixture.drain(worker, now: now.addingTimeInterval(31)) >= 4)
            try await PythonServer.waitFor("four mails") { try Self.mails(smtp, fixture).count >= 4 }
            let mails = try Self.mails(smtp, fixture)
            #expect(mails.count == 4)
            #expect(Set(mails.compactMap { $0["messageId"] as? String }).count == 4, "one message per delivery")
            let attempts = try await db.query(
                """
                SELECT d.attempts, d.status FROM deliveries d JOIN notices n ON n.id = d.notice_id
                JOIN users u ON u.id = n.user_id WHERE u.organization_id = \(fixture.setting.enterprise.id)
                """)
            #expect(attempts.count == 4)
            for row in attempts {
                #expect(try row.decode("attempts", as: Int.self) == 2)
                #expect(try row.decode("status", as: String.self) == "delivered")
            }
        }
    }

    @Test("a delivery claimed by a process that dies is sent by another after the lease, exactly once")
    func deadWorker() async throws {
        let smtp = try PythonServer(script: "smtp_sink")
        try await smtp.start()
        defer { smtp.stop() }
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db)
            let request = try await fixture.submittedRequest()
            try await fixture.move(request, through: [.rejected], reason: "设备检修")
            let now = Date()
            let dying = NoticeFixture.worker(db, smtp: smtp, id: "dying")
            let other = NoticeFixture.worker(db, smtp: smtp, id: "other")
            let first = try #require(try await dying.claim(now: now))
            let second = try #require(try await dying.claim(now: now))
            // the dying process holds both leases: the other takes neither before they run out
            try await NoticeFixture.drain(other, now: now.addingTimeInterval(59))
            let queue = JobQueue()
            for job in [first, second] {
                let held = try await db.withConnection { try queue.find(job.id, on: $0) }
                #expect(held?.status == .running && held?.worker == "dying")
            }
            try await NoticeFixture.drain(other, now: now.addingTimeInterval(61))
            try await PythonServer.waitFor("two mails") { try Self.mails(smtp, fixture).count >= 2 }
            #expect(try Self.mails(smtp, fixture).count == 2)
            for job in [first, second] {
                let done = try await db.withConnection { try queue.find(job.id, on: $0) }
                #expect(done?.status == .done && done?.attempts == 2 && done?.worker == "other")
                // the dying process, back too late, holds nothing
                let late = try await db.withConnection { try queue.complete(job.id, worker: "dying", on: $0) }
                #expect(!late)
            }
            try await NoticeFixture.drain(other, now: now.addingTimeInterval(200))
            #expect(try Self.mails(smtp, fixture).count == 2, "sent once per delivery")
        }
    }
}
