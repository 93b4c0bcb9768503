import Database
import Domain
import Foundation
import Repositories

/// Sends one delivery over its channel: reads it, skips it when it was delivered already, sends.
struct DeliverySender {
    let configuration: DeliveryWorkerConfiguration

    func send(_ id: UUID, kind: JobKind, now: Date, database: Database) async throws -> DeliveryWorker.Outcome {
        let deliveries = DeliveryRepository()
        if kind == .email {
            guard let mail = try await database.withConnection({ try deliveries.mail(id, on: $0) }) else {
                return .failed("The delivery \(id) no longer exists.")
            }
            guard mail.delivery.status != .delivered else { return .alreadyDelivered }
            guard let server = configuration.mail else { return .failed("E-mail is off (no PRAXIS_SMTP_HOST).") }
            let link = server.publicURL + mail.notice.link
            let body = mail.notice.body + "\n\n" + link + "\n"
            try await SMTPClient(configuration: server).send(
                MailMessage(
                    deliveryId: id, from: server.from, to: mail.delivery.target, subject: mail.notice.title,
                    body: body))
            return .delivered(status: nil)
        }
        guard let call = try await database.withConnection({ try deliveries.call(id, on: $0) }) else {
            return .failed("The delivery \(id) no longer exists.")
        }
        guard call.delivery.status != .delivered else { return .alreadyDelivered }
        let status = try await WebhookSender(timeout: configuration.webhookTimeout).send(
            url: call.delivery.target, body: call.body, secret: call.secret, deliveryId: id)
        return (200..<300).contains(status)
            ? .delivered(status: status) : .failed("The receiver answered \(status).", status: status)
    }
}
