public import Dates

extension CalendarDate: SQLEncodable, SQLDecodable {
    public static var sqlTypeOID: UInt32 { PostgresType.date }
    public var sqlText: String { description }
    public init?(sqlText: String) { self.init(iso: sqlText) }
}
