import Database
import Dates
import Foundation
import TestSupport
import Testing

@Suite("Every supported type round-trips through PostgreSQL")
struct DecodingTests {
    func echo<T: SQLEncodable & SQLDecodable>(_ value: T, as sqlType: String) async throws -> T {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let row = try #require(try await db.query("SELECT \(value)::\(unsafe: sqlType) AS v").first)
            return try row.decode("v", as: T.self)
        }
    }

    @Test func text() async throws { #expect(try await echo("实训 ✓", as: "text") == "实训 ✓") }
    @Test func integer() async throws { #expect(try await echo(Int32(-2_147_483_648), as: "int4") == Int32.min) }
    @Test func bigint() async throws { #expect(try await echo(Int64.max, as: "int8") == Int64.max) }
    @Test func int() async throws { #expect(try await echo(-42, as: "int8") == -42) }
    @Test func boolean() async throws {
        #expect(try await echo(true, as: "bool") == true)
        #expect(try await echo(false, as: "bool") == false)
    }

    @Test func numeric() async throws {
        let value = Decimal(string: "12345678901234567890.123456789")!
        #expect(try await echo(value, as: "numeric") == value)
    }

    @Test func uuid() async throws {
        let value = UUID()
        #expect(try await echo(value, as: "uuid") == value)
    }

    @Test func date() async throws {
        let value = CalendarDate(year: 2026, month: 2, day: 28)!
        #expect(try await echo(value, as: "date") == value)
        #expect(value.adding(days: 1) == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(value.isoWeekday == 6)  // a Saturday
    }

    @Test("timestamptz keeps microseconds and reads other offsets")
    func timestamptz() async throws {
        let value = Date(timeIntervalSince1970: 1_772_409_600.123456)
        let back = try await echo(value, as: "timestamptz")
        #expect(abs(back.timeIntervalSince1970 - value.timeIntervalSince1970) < 0.000_001)
        #expect(TimestampText.parse("2026-03-02 16:00:00+08") == TimestampText.parse("2026-03-02 08:00:00+00"))
        #expect(TimestampText.parse("2026-03-02 08:00:00-03:30")!.timeIntervalSince1970 == 1_772_451_000)
        #expect(TimestampText.parse("2026-13-02 08:00:00+00") == nil)
    }

    @Test func jsonb() async throws {
        let value = JSONB(json: #"{"name": "数控车床", "seats": [1, 2]}"#)
        let back = try await echo(value, as: "jsonb")
        struct Doc: Decodable, Equatable {
            let name: String
            let seats: [Int]
        }
        #expect(try back.decode(Doc.self) == Doc(name: "数控车床", seats: [1, 2]))
    }

    @Test("text[] with quotes, commas, braces, NULL-like words")
    func textArray() async throws {
        let value = ["cnc.5axis", "a,b", "say \"hi\"", "{x}", "NULL", "", "back\\slash", "焊接"]
        #expect(try await echo(value, as: "text[]") == value)
        #expect(ArrayText.parse("{a,NULL,\"NULL\"}") == ["a", "NULL"])
    }

    @Test func tstzrange() async throws {
        let value = TimeRange(
            lower: Date(timeIntervalSince1970: 1_772_409_600), upper: Date(timeIntervalSince1970: 1_772_416_800))!
        #expect(try await echo(value, as: "tstzrange") == value)
    }

    @Test("a column of the wrong type is a decoding error, not a crash")
    func wrongType() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let row = try #require(try await db.query("SELECT 'abc'::text AS v").first)
            let error = #expect(throws: DatabaseError.self) { try row.decode("v", as: Int.self) }
            #expect(error?.code == .decoding)
            #expect(throws: DatabaseError.self) { try row.decode("missing", as: String.self) }
        }
    }
}
