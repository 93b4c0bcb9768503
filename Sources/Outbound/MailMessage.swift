public import Foundation

/// An e-mail as RFC 5322 text: UTF-8 subject as an RFC 2047 encoded-word, UTF-8 body in base64,
/// and a `Message-ID` made of the delivery id, so that a retry is recognisable as the same message.
public struct MailMessage: Sendable, Equatable {
    public var deliveryId: UUID
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var date: Date

    public init(deliveryId: UUID, from: String, to: String, subject: String, body: String, date: Date = Date()) {
        self.deliveryId = deliveryId
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
    }

    /// The `Message-ID` header's value.
    public var messageId: String { "<\(deliveryId.uuidString.lowercased())@praxis>" }

    /// The message's text, lines ending in CRLF (before dot-stuffing).
    public var text: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(Self.encodedWord(subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: \(messageId)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64", "", encodedBody,
        ].joined(separator: "\r\n")
    }

    /// `text` as is when it is printable ASCII, else RFC 2047 `=?UTF-8?B?…?=` words of at most
    /// 75 characters each (split between characters, never inside one), folded onto new lines.
    static func encodedWord(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && ($0.asciiValue! >= 32 && $0.asciiValue! < 127) }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {  // 45 bytes → 60 base64 characters + 12 of framing
                words.append(chunk.isEmpty ? "" : "=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }
}
