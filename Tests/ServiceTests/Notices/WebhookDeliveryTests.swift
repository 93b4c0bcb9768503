import Access
import Database
import Domain
import Foundation
import Outbound
import Service
import TestSupport
import Testing

/// Webhooks reach a real HTTP receiver that checks the signature with Python's hmac; refusals are
/// retried and logged for the subscriber's coordinators.
@Suite("Webhooks", .serialized)
struct WebhookDeliveryTests {
    @Test("a wait-listing calls the organization's webhook, signed so an independent receiver verifies it")
    func signedCall() async throws {
        let receiver = try PythonServer(script: "webhook_receiver")
        try await receiver.start()
        defer { receiver.stop() }
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db, email: false)
            let webhooks = WebhookService(database: db)
            let created = try await webhooks.subscribe(
                NewWebhookSubscription(
                    url: "http://127.0.0.1:\(receiver.port)/hooks", events: [.requestWaitListed, .requestRejected]),
                for: fixture.setting.enterprise.id, as: fixture.english)
            try created.secret.write(
                to: receiver.folder.appendingPathComponent("secret"), atomically: true, encoding: .utf8)
            let request = try await fixture.move(
                try await fixture.submittedRequest(), through: [.waitListed], reason: "满额")
            try await NoticeFixture.drain(NoticeFixture.worker(db, smtp: nil))
            let mine = {
                try receiver.received().filter {
                    ($0["body"] as? [String: Any])?["entityId"] as? String == request.id.uuidString.lowercased()
                }
            }
            try await PythonServer.waitFor("the call") { try mine().count >= 1 }
            let calls = try mine()
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(call["verified"] as? Bool == true)
            let body = try #require(call["body"] as? [String: Any])
            #expect(body["event"] as? String == "request.wait_listed")
            #expect(body["entityId"] as? String == request.id.uuidString.lowercased())
            #expect(body["deliveryId"] as? String == call["delivery"] as? String)
            let log = try await webhooks.deliveries(of: created.subscription.id, page: Page(), as: fixture.chinese)
            #expect(log.map(\.status) == [.delivered])
            #expect(log.first?.id.uuidString.lowercased() == call["delivery"] as? String)
            #expect(log.first?.lastStatus == 200)
        }
    }

    @Test("a receiver that refuses is retried with back-off; a wrong secret is logged 401; others may not read the log")
    func refusals() async throws {
        let receiver = try PythonServer(script: "webhook_receiver")
        try await receiver.start()
        defer { receiver.stop() }
        try await TestDatabase.withPool { db in
            let fixture = try await NoticeFixture(db, email: false)
            let webhooks = WebhookService(database: db)
            let created = try await webhooks.subscribe(
                NewWebhookSubscription(url: "http://127.0.0.1:\(receiver.port)/", events: [.requestRejected]),
                for: fixture.setting.enterprise.id, as: fixture.english)
            try "not-the-secret-at-all".write(
                to: receiver.folder.appendingPathComponent("secret"), atomically: true, encoding: .utf8)
            _ = FileManager.default.createFile(
                atPath: receiver.folder.appendingPathComponent("down").path, contents: nil)
            try await fixture.move(try await fixture.submittedRequest(), through: [.rejected], reason: "不符合")
            let worker = NoticeFixture.worker(db, smtp: nil)
            let now = Date()
            #expect(try await NoticeFixture.drain(worker, now: now) == 1)
            var log = try await webhooks.deliveries(of: created.subscription.id, page: Page(), as: fixture.english)
            #expect(log.first?.status == .pending && log.first?.lastStatus == 503)
            try FileManager.default.removeItem(at: receiver.folder.appendingPathComponent("down"))
            #expect(try await NoticeFixture.drain(worker, now: now.addingTimeInterval(31)) == 1)
            log = try await webhooks.deliveries(of: created.subscription.id, page: Page(), as: fixture.english)
            #expect(log.first?.attempts == 2 && log.first?.lastStatus == 401, "the receiver refused the signature")
            let other = try await NoticeFixture.account(in: fixture.setting.sme.id, .enterpriseCoordinator, db)
            await #expect(throws: ServiceError.self) {
                try await webhooks.deliveries(of: created.subscription.id, page: Page(), as: other)
            }
        }
    }
}
