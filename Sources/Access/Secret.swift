import Crypto
import Foundation

/// Random secrets handed to a client once (API tokens, session cookies, CSRF tokens) and the
/// SHA-256 digests that are all the database keeps of them.
public enum Secret {
    /// 256 random bits from the system's cryptographic generator, base64url without padding
    /// (valid in a cookie and a header), after `prefix`.
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// The SHA-256 of a secret's UTF-8 bytes: all the database keeps of it.
    public static func digest(_ secret: String) -> [UInt8] {
        sha256(Array(secret.utf8))
    }

    /// The SHA-256 of some data.
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: data))
    }

    /// Compares two strings in time independent of where they differ.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
