import Foundation
import NIOCore
import NIOPosix

// A small SMTP client on SwiftNIO (no SMTP package is on the machine's list). One conversation:
//
//   connect, read the greeting (220)
//   EHLO name                 → 250 (multi-line)
//   MAIL FROM:<from>          → 250
//   RCPT TO:<to>              → 250 (251)
//   DATA                      → 354
//   message, dot-stuffed, CRLF.CRLF → 250
//   QUIT                      → 221
//
// Any other reply ends the conversation with an ``SMTPError`` naming the step and the reply
// (a 4xx reply is temporary: the delivery job tries again after its back-off).

/// Sends one message to an SMTP server (see the conversation above).
public struct SMTPClient: Sendable {
    let configuration: MailConfiguration

    public init(configuration: MailConfiguration) {
        self.configuration = configuration
    }

    /// Sends `message` to its recipient within the configuration's timeout.
    /// - Throws: ``SMTPError`` for a refusal or a timeout; a NIO error when the server cannot be reached.
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
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplyReader(inbound.makeAsyncIterator())
            func step(_ name: String, _ command: String?, expect codes: Set<Int>) async throws {
                if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                let reply = try await replies.next()
                guard codes.contains(reply.code) else { throw SMTPError(step: name, reply: reply.text) }
            }
            try await step("greeting", nil, expect: [220])
            try await step("EHLO", "EHLO \(configuration.heloName)", expect: [250])
            try await step("MAIL FROM", "MAIL FROM:<\(configuration.from)>", expect: [250])
            try await step("RCPT TO", "RCPT TO:<\(message.to)>", expect: [250, 251])
            try await step("DATA", "DATA", expect: [354])
            try await step("message", dotStuffed(message.text) + "\r\n.", expect: [250])
            try await step("QUIT", "QUIT", expect: [221])
        }
    }

    /// The message with every line that starts with "." given one more (RFC 5321 4.5.2), lines
    /// ending in CRLF.
    static func dotStuffed(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}

/// An SMTP server's refusal: at which step, and its reply.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public var step: String
    public var reply: String
    public var description: String { "SMTP \(step): \(reply)" }
}

/// Reads whole SMTP replies (`250-…` lines up to the `250 …` one) from a stream of bytes.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending: [UInt8] = []

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next complete reply: its code and its lines.
    mutating func next() async throws -> (code: Int, text: String) {
        var lines: [String] = []
        while true {
            let line = try await nextLine()
            lines.append(line)
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                throw SMTPError(step: "reply", reply: line)
            }
            if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") { return (code, lines.joined(separator: " | ")) }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[..<end].filter { $0 != UInt8(ascii: "\r") }
                pending.removeSubrange(...end)
                return String(decoding: line, as: UTF8.self)
            }
            guard var buffer = try await iterator.next() else {
                throw SMTPError(step: "reply", reply: "the server closed the connection")
            }
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
    }
}
