import Crypto
public import Database
import Foundation

/// Random secrets handed to a client once (API tokens, session cookies, CSRF tokens) and the
/// SHA-256 digests that are all the database keeps of them.
enum Secret {
    /// 256 random bits from the system's cryptographic generator, base64url without padding
    /// (valid in a cookie and a header), after `prefix`.
    static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// The SHA-256 of a secret's UTF-8 bytes.
    static func digest(_ secret: String) -> Bytes {
        Bytes.sha256(Array(secret.utf8))
    }

    /// Compares two strings in time independent of where they differ.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Binary data bound as and read from `bytea` (hex text format).
public struct Bytes: Sendable, Hashable, SQLEncodable, SQLDecodable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The SHA-256 of some data.
    public static func sha256(_ data: [UInt8]) -> Bytes {
        Bytes(Array(SHA256.hash(data: data)))
    }

    /// `bytea`'s type OID.
    public static var sqlTypeOID: UInt32 { 17 }

    public var sqlText: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + 2 * bytes.count)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public init?(sqlText: String) {
        guard sqlText.hasPrefix("\\x"), sqlText.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sqlText.utf8.count / 2)
        var index = sqlText.utf8.index(sqlText.utf8.startIndex, offsetBy: 2)
        while index < sqlText.utf8.endIndex {
            let next = sqlText.utf8.index(index, offsetBy: 2)
            guard let byte = UInt8(String(sqlText.utf8[index..<next])!, radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }
}
