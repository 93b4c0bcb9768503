import Access
import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// POSTs a webhook body, signed, through AsyncHTTPClient (already in the build for Hummingbird's
/// testing, and it speaks TLS for `https://` receivers).
public struct WebhookSender: Sendable {
    /// How long one call may take.
    public var timeout: Duration

    public init(timeout: Duration = .seconds(15)) {
        self.timeout = timeout
    }

    /// Calls `url` with `body` (JSON), `X-Praxis-Signature` over `now` and `X-Praxis-Delivery`.
    /// - Returns: the receiver's HTTP status.
    /// - Throws: when the receiver cannot be reached or does not answer in time.
    public func send(
        url: String, body: String, secret: String, deliveryId: UUID, now: Date = Date()
    ) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        let timestamp = Int(now.timeIntervalSince1970)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Praxis-Webhooks/1")
        request.headers.add(name: "X-Praxis-Delivery", value: deliveryId.uuidString.lowercased())
        request.headers.add(
            name: "X-Praxis-Signature", value: WebhookSignature.header(secret: secret, timestamp: timestamp, body: body)
        )
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(
            request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }
}
