public import Dates

extension ClockTime: SQLEncodable, SQLDecodable {
    public static var sqlTypeOID: UInt32 { PostgresType.time }
    public var sqlText: String { description }

    /// Reads PostgreSQL's `time` output (`08:30:00`) or `HH:MM`; `nil` for a time with seconds.
    public init?(sqlText: String) {
        if sqlText.count == 8, sqlText.hasSuffix(":00") {
            self.init(text: String(sqlText.prefix(5)))
        } else {
            self.init(text: sqlText)
        }
    }
}
