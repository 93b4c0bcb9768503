public import Database

/// Binary data bound as and read from `bytea` (hex text format): secret digests, body hashes,
/// stored answers.
public struct Bytes: Sendable, Hashable, SQLEncodable, SQLDecodable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
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
