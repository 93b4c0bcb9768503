import NIOCore

/// One SMTP reply: its code and its lines (`250-…` up to `250 …`), the code and separator removed.
struct SMTPReply {
    var code: Int
    var lines: [String]

    /// The lines as one, for errors and logs.
    var text: String { "\(code) " + lines.joined(separator: " | ") }

    /// The extensions an `EHLO` reply names (every line but the greeting), each as its upper-cased
    /// words: `["STARTTLS"]`, `["AUTH", "PLAIN", "LOGIN"]`.
    var extensions: [[String]] {
        lines.dropFirst().map { line in
            line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
        }
    }

    /// Whether an `EHLO` reply names `keyword`.
    func offers(_ keyword: String) -> Bool { extensions.contains { $0.first == keyword } }

    /// The SASL mechanisms an `EHLO` reply offers (`AUTH PLAIN LOGIN`, or the older `AUTH=LOGIN`).
    var authMechanisms: Set<String> {
        Set(extensions.filter { $0.first == "AUTH" }.flatMap { $0.dropFirst() })
    }
}

/// Reads whole SMTP replies from a stream of bytes.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    /// Bytes read past the last whole reply.
    private(set) var pending: [UInt8] = []

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next complete reply.
    mutating func next() async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try await nextLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                throw SMTPError(step: "reply", reply: line)
            }
            lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
            if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") { return SMTPReply(code: code, lines: lines) }
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

/// An SMTP server's refusal, or a conversation Praxis ends itself: at which step, and why (the
/// server's reply, never the command sent, which may carry credentials).
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public var step: String
    public var reply: String
    public var description: String { "SMTP \(step): \(reply)" }
}
