import Foundation

/// The client address that throttling and anonymous idempotency keys count by.
public enum ClientAddress {
    /// The peer, or (behind a trusted proxy) the last non-empty `X-Forwarded-For` entry;
    /// `unknown` when neither is there.
    public static func of(peer: String?, forwardedFor: String?, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let last = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !last.isEmpty
        {
            return last
        }
        return peer ?? "unknown"
    }
}
