import Crypto
import Foundation

/// The `X-Praxis-Signature` of a webhook call: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>`.
/// The receiver recomputes it with the secret it was shown once and refuses a call whose time is
/// too far from its own clock (replay).
public enum WebhookSignature {
    /// The header's value for `body` sent at `timestamp` (Unix seconds).
    public static func header(secret: String, timestamp: Int, body: String) -> String {
        "t=\(timestamp),v1=\(hex(secret: secret, message: "\(timestamp).\(body)"))"
    }

    /// The hex HMAC-SHA256 of `message` under `secret`.
    public static func hex(secret: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
