import Access
import Foundation

/// A feed as it is served: the iCalendar text and its entity tag.
public struct FeedDocument: Sendable {
    /// The `VCALENDAR`, CRLF-ended lines.
    public let text: String
    /// A strong entity tag (quoted) from the SHA-256 of the text: the same as long as nothing the
    /// feed shows changed.
    public let etag: String

    public init(text: String) {
        self.text = text
        let digest = Secret.sha256(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        etag = "\"\(digest.prefix(32))\""
    }
}
