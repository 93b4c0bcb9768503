import Foundation
import NIOCore
import NIOPosix
import NIOSSL

// A small SMTP client on SwiftNIO (no SMTP package is on the machine's list); TLS by swift-nio-ssl.
// One conversation:
//
//   connect (security `tls`: TLS from the first byte), read the greeting (220)
//   EHLO name                  → 250 (multi-line: the server's extensions)
//   security `starttls` and the server offers STARTTLS:
//     STARTTLS                 → 220, then TLS on the same connection, EHLO again → 250
//   not encrypted though it must be (TLS required, or credentials): stop, nothing more is sent
//   credentials: AUTH PLAIN base64("\0user\0password")              → 235
//            or (no PLAIN offered) AUTH LOGIN → 334, base64(user) → 334, base64(password) → 235
//   MAIL FROM:<from>           → 250
//   RCPT TO:<to>               → 250 (251)
//   DATA                       → 354
//   message, dot-stuffed, CRLF.CRLF → 250
//   QUIT                       → 221
//
// TLS verifies the server's certificate and name (or IP address) against the system's trust store,
// or the configuration's CA file. Any unexpected reply ends the conversation with an ``SMTPError``
// naming the step and the reply; the delivery job tries again after its back-off.

/// Sends one message to an SMTP server (see the conversation above).
public struct SMTPClient: Sendable {
    let configuration: MailConfiguration

    public init(configuration: MailConfiguration) {
        self.configuration = configuration
    }

    /// Sends `message` to its recipient within the configuration's timeout.
    /// - Throws: ``SMTPError`` for a refusal, a failed TLS handshake or a timeout; a NIO error when the
    ///   server cannot be reached.
    public func send(_ message: MailMessage) async throws {
        let configuration = configuration
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await Self.converse(message, configuration) }
            group.addTask {
                try await Task.sleep(for: configuration.timeout)
                throw SMTPError(step: "timeout", reply: "no answer within \(configuration.timeout)")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private static func converse(_ message: MailMessage, _ configuration: MailConfiguration) async throws {
        let tls = configuration.security == .none ? nil : try SMTPTLS(configuration)
        let implicitTLS = configuration.security == .tls ? tls : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS { try implicitTLS.secure(channel) }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(
                outbound: outbound, replies: SMTPReplyReader(inbound.makeAsyncIterator()),
                encrypted: implicitTLS != nil)
            try await session.step("greeting", nil, expect: [220], handshake: implicitTLS != nil)
            try await session.hello(configuration.heloName)
            if let tls, configuration.security == .starttls, session.extensions.offers("STARTTLS") {
                try await session.startTLS(tls, on: channel.channel, heloName: configuration.heloName)
            }
            if configuration.mustEncrypt && !session.encrypted {
                throw SMTPError(
                    step: "STARTTLS", reply: "the server does not offer STARTTLS and TLS is required: nothing sent")
            }
            if let credentials = configuration.credentials { try await session.authenticate(credentials) }
            try await session.step("MAIL FROM", "MAIL FROM:<\(configuration.from)>", expect: [250])
            try await session.step("RCPT TO", "RCPT TO:<\(message.to)>", expect: [250, 251])
            try await session.step("DATA", "DATA", expect: [354])
            try await session.step("message", dotStuffed(message.text) + "\r\n.", expect: [250])
            try await session.step("QUIT", "QUIT", expect: [221])
        }
    }

    /// The message with every line that starts with "." given one more (RFC 5321 4.5.2), lines
    /// ending in CRLF.
    static func dotStuffed(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}
