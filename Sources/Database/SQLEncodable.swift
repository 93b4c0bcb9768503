public import Foundation

/// A Swift value that can be bound as a query parameter, in PostgreSQL's text format.
public protocol SQLEncodable: Sendable {
    /// The PostgreSQL type OID the parameter is sent as (0: let the server infer it).
    static var sqlTypeOID: UInt32 { get }
    /// The value in PostgreSQL's text input syntax.
    var sqlText: String { get }
}

/// Well-known PostgreSQL type OIDs (`pg_type.oid`).
public enum PostgresType {
    public static let unknown: UInt32 = 0
    public static let bool: UInt32 = 16
    public static let int8: UInt32 = 20
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let float8: UInt32 = 701
    public static let textArray: UInt32 = 1009
    public static let date: UInt32 = 1082
    public static let time: UInt32 = 1083
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
    public static let uuid: UInt32 = 2950
    public static let tstzrange: UInt32 = 3910
    public static let jsonb: UInt32 = 3802
}

extension String: SQLEncodable {
    /// Strings go out untyped so that the server can read them as `text`, `uuid`, `jsonb`, enum labels…
    public static var sqlTypeOID: UInt32 { PostgresType.unknown }
    public var sqlText: String { self }
}

extension Int: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.int8 }
    public var sqlText: String { String(self) }
}

extension Int32: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.int4 }
    public var sqlText: String { String(self) }
}

extension Int64: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.int8 }
    public var sqlText: String { String(self) }
}

extension Bool: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.bool }
    public var sqlText: String { self ? "t" : "f" }
}

extension Double: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.float8 }
    public var sqlText: String { "\(self)" }
}

extension Decimal: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.numeric }
    public var sqlText: String { description }
}

extension UUID: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.uuid }
    public var sqlText: String { uuidString.lowercased() }
}

extension Date: SQLEncodable {
    public static var sqlTypeOID: UInt32 { PostgresType.timestamptz }
    public var sqlText: String { TimestampText.format(self) }
}

extension Array: SQLEncodable where Element == String {
    public static var sqlTypeOID: UInt32 { PostgresType.textArray }
    public var sqlText: String { ArrayText.format(self) }
}

/// A JSON document bound as `jsonb`.
public struct JSONB: SQLEncodable, Equatable {
    public static var sqlTypeOID: UInt32 { PostgresType.jsonb }
    /// The document's JSON text.
    public var json: String
    public var sqlText: String { json }

    public init(json: String) {
        self.json = json
    }

    /// Encodes a value with `JSONEncoder` (sorted keys, so equal values give equal text).
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.json = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes the document with `JSONDecoder`.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }
}
