import Foundation
import NIOCore

/// One SMTP conversation on an open connection: commands and their replies, STARTTLS and AUTH.
struct SMTPSession {
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    var replies: SMTPReplyReader
    /// Whether TLS protects the connection.
    private(set) var encrypted: Bool
    /// The server's last `EHLO` reply: what it offers.
    private(set) var extensions = SMTPReply(code: 250, lines: [])

    init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, replies: SMTPReplyReader, encrypted: Bool) {
        self.outbound = outbound
        self.replies = replies
        self.encrypted = encrypted
    }

    /// Sends `command` (`nil`: none, e.g. for the greeting) and reads the reply; a code other than
    /// `codes` ends the conversation. `step` names the command in errors, never the command itself.
    /// - Parameter handshake: the first exchange over a new TLS connection: a failure is the
    ///   handshake's (an untrusted certificate, a name it does not carry) and is told as such.
    @discardableResult
    mutating func step(
        _ step: String, _ command: String?, expect codes: Set<Int>, handshake: Bool = false
    )
        async throws -> SMTPReply
    {
        let reply: SMTPReply
        do {
            if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
            reply = try await replies.next()
        } catch let error where handshake {
            throw SMTPError(step: "TLS", reply: "\(error)")
        }
        guard codes.contains(reply.code) else { throw SMTPError(step: step, reply: reply.text) }
        return reply
    }

    /// `EHLO`, keeping what the server offers.
    mutating func hello(_ name: String, handshake: Bool = false) async throws {
        extensions = try await step("EHLO", "EHLO \(name)", expect: [250], handshake: handshake)
    }

    /// `STARTTLS`, TLS on `channel`, and `EHLO` again over it (RFC 3207).
    mutating func startTLS(_ tls: SMTPTLS, on channel: any Channel, heloName: String) async throws {
        try await step("STARTTLS", "STARTTLS", expect: [220])
        // anything the server sent after its 220 came before TLS: injected, and refused (RFC 3207 §6)
        guard replies.pending.isEmpty else {
            throw SMTPError(step: "STARTTLS", reply: "the server sent more before TLS began")
        }
        try await channel.eventLoop.submit { try tls.secure(channel) }.get()
        encrypted = true
        try await hello(heloName, handshake: true)
    }

    /// Logs in with AUTH PLAIN, or AUTH LOGIN when the server offers no PLAIN; only over TLS.
    mutating func authenticate(_ credentials: MailCredentials) async throws {
        guard encrypted else {
            throw SMTPError(step: "AUTH", reply: "no login over an unencrypted connection: nothing sent")
        }
        let mechanisms = extensions.authMechanisms
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(credentials.username)\0\(credentials.password)")
            try await step("AUTH PLAIN", "AUTH PLAIN \(token)", expect: [235])
        } else if mechanisms.contains("LOGIN") {
            try await step("AUTH LOGIN", "AUTH LOGIN", expect: [334])
            try await step("AUTH LOGIN username", base64(credentials.username), expect: [334])
            try await step("AUTH LOGIN password", base64(credentials.password), expect: [235])
        } else {
            let offered = mechanisms.isEmpty ? "none" : mechanisms.sorted().joined(separator: " ")
            throw SMTPError(step: "AUTH", reply: "the server offers neither PLAIN nor LOGIN (offered: \(offered))")
        }
    }
}
