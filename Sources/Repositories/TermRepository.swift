public import Database
public import Domain
public import Foundation

/// Reads and writes a center's terms.
public struct TermRepository: Sendable {
    public init() {}

    static let columns: SQL =
        "id, center_id, name, first_day::text AS first_day, weeks::int4 AS weeks, weeks_off, version"

    /// Inserts a term (already validated).
    /// - Throws: ``DatabaseError`` 23P01 when it overlaps another term of the center.
    public func insert(_ term: NewTerm, centerId: UUID, on connection: Connection) throws -> Term {
        let rows = try connection.query(
            """
            INSERT INTO terms (center_id, name, first_day, weeks, weeks_off)
            VALUES (\(centerId), \(term.name), \(term.firstDay)::date, \(term.weeks)::int2,
                    \(try JSONB(encoding: term.weeksOff)))
            RETURNING \(Self.columns)
            """)
        return try Self.term(from: rows.first!)
    }

    /// The term with this id; `lock` takes `FOR UPDATE` (to change it) or `FOR SHARE` (to rely on it).
    public func find(id: UUID, lock: RowLock? = nil, on connection: Connection) throws -> Term? {
        let clause: SQL =
            switch lock {
            case .forUpdate: " FOR UPDATE"
            case .forShare: " FOR SHARE"
            case nil: ""
            }
        return try connection.query("SELECT \(Self.columns) FROM terms WHERE id = \(id)\(clause)").first.map(
            Self.term(from:))
    }

    /// A center's terms, earliest first.
    public func list(centerId: UUID, on connection: Connection) throws -> [Term] {
        try connection.query("SELECT \(Self.columns) FROM terms WHERE center_id = \(centerId) ORDER BY first_day")
            .map(Self.term(from:))
    }

    /// Replaces a term's fields and bumps its version; the caller holds its row lock.
    /// - Throws: ``DatabaseError`` 23P01 when it would overlap another term of the center.
    public func update(_ id: UUID, to term: NewTerm, on connection: Connection) throws -> Term {
        let rows = try connection.query(
            """
            UPDATE terms SET name = \(term.name), first_day = \(term.firstDay)::date, weeks = \(term.weeks)::int2,
                   weeks_off = \(try JSONB(encoding: term.weeksOff)), version = version + 1, updated_at = now()
            WHERE id = \(id) RETURNING \(Self.columns)
            """)
        return try Self.term(from: rows.first!)
    }

    /// Deletes a term.
    public func delete(_ id: UUID, on connection: Connection) throws {
        try connection.query("DELETE FROM terms WHERE id = \(id)")
    }

    /// How many requests name the term.
    public func requestCount(termId: UUID, on connection: Connection) throws -> Int {
        try connection.query(
            "SELECT count(*)::int4 AS n FROM requests WHERE lower(details ->> 'termId') = lower(\(termId.uuidString))"
        ).first!.decode("n")
    }

    private static func term(from row: Row) throws -> Term {
        Term(
            id: try row.decode("id"), centerId: try row.decode("center_id"), name: try row.decode("name"),
            firstDay: try row.decode("first_day"), weeks: try row.decode("weeks"),
            weeksOff: try row.decode("weeks_off", as: JSONB.self).decode(), version: try row.decode("version"))
    }
}

/// How a read locks the rows it returns, until the transaction ends.
public enum RowLock: Sendable {
    /// Taken by who changes or deletes the row.
    case forUpdate
    /// Taken by who relies on the row staying as read (a request naming a term).
    case forShare
}
