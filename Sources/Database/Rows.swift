/// The rows a statement returned, in text format, with their column names.
public struct Rows: Sendable, Sequence {
    /// Column names, in order.
    public let columns: [String]
    let values: [[String?]]
    /// The number of rows a command touched (`INSERT`/`UPDATE`/`DELETE`), or 0.
    public let affectedRows: Int

    init(columns: [String], values: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.values = values
        self.affectedRows = affectedRows
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    public var first: Row? { values.first.map { Row(columns: columns, values: $0) } }

    public func makeIterator() -> some IteratorProtocol<Row> {
        values.lazy.map { Row(columns: columns, values: $0) }.makeIterator()
    }
}

/// One result row; columns are read by name or position and decoded from text.
public struct Row: Sendable {
    let columns: [String]
    let values: [String?]

    /// Decodes the named column; throws when it is missing, `NULL`, or not of the type.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard let value = try decode(column, as: T?.self) else {
            throw DatabaseError(code: .decoding, message: "Column \(column) is NULL, expected \(T.self)")
        }
        return value
    }

    /// Decodes the named column, `nil` for `NULL`.
    public func decode<T: SQLDecodable>(_ column: String, as type: T?.Type) throws(DatabaseError) -> T? {
        guard let index = columns.firstIndex(of: column) else {
            throw DatabaseError(code: .decoding, message: "No column \(column) in \(columns)")
        }
        return try decode(at: index, as: T?.self)
    }

    /// Decodes the column at `index`, `nil` for `NULL`.
    public func decode<T: SQLDecodable>(at index: Int, as type: T?.Type) throws(DatabaseError) -> T? {
        guard values.indices.contains(index) else {
            throw DatabaseError(code: .decoding, message: "No column at \(index); the row has \(values.count)")
        }
        guard let text = values[index] else { return nil }
        guard let value = T(sqlText: text) else {
            throw DatabaseError(code: .decoding, message: "Column \(columns[index]) is not a \(T.self)")
        }
        return value
    }

    /// Decodes the column at `index`; throws on `NULL`.
    public func decode<T: SQLDecodable>(at index: Int, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard let value = try decode(at: index, as: T?.self) else {
            throw DatabaseError(code: .decoding, message: "Column \(columns[index]) is NULL, expected \(T.self)")
        }
        return value
    }

    /// Decodes the named column into a string-backed enum (a PostgreSQL enum read as text).
    public func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T
    where T.RawValue == String {
        let raw = try decode(column, as: String.self)
        guard let value = T(rawValue: raw) else {
            throw DatabaseError(code: .decoding, message: "Column \(column) holds '\(raw)', not a \(T.self)")
        }
        return value
    }
}
