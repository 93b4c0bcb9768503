public import Database
public import Domain
public import Foundation

/// Reads and writes `requests` and their transition history.
public struct RequestRepository: Sendable {
    public init() {}

    static let columns: SQL =
        "id, center_id, organization_id, category, title, details, state, reason, placement, version"

    /// Inserts a request in `state` (draft or submitted) and records how it got there.
    public func insert(
        _ request: NewRequest, title: String, centerId: UUID, state: RequestState, on connection: Connection
    ) throws -> Request {
        let rows = try connection.query(
            """
            INSERT INTO requests (center_id, organization_id, category, title, details, state, first_date, last_date)
            VALUES (\(centerId), \(request.organizationId), \(request.details.category.rawValue)::category, \(title),
                    \(try JSONB(encoding: DetailsBox(request.details))), \(state.rawValue)::request_state,
                    \(request.details.plannedDates?.first), \(request.details.plannedDates?.last))
            RETURNING \(Self.columns)
            """)
        let created = try Self.request(from: rows.first!)
        if state != .draft {
            try recordTransition(of: created.id, from: .draft, to: state, reason: nil, on: connection)
        }
        return created
    }

    /// The request with this id; `forUpdate` locks it until the transaction ends.
    public func find(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> Request? {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return try connection.query("SELECT \(Self.columns) FROM requests WHERE id = \(id)\(lock)").first.map(
            Self.request(from:))
    }

    /// A center's requests, oldest first, optionally of one organization, state and category.
    public func list(
        centerId: UUID, organizationId: UUID? = nil, state: RequestState?, category: Domain.Category?, limit: Int,
        offset: Int,
        on connection: Connection
    ) throws -> [Request] {
        var query: SQL = "SELECT \(Self.columns) FROM requests WHERE center_id = \(centerId)"
        if let organizationId { query.append(" AND organization_id = \(organizationId)") }
        if let state { query.append(" AND state = \(state.rawValue)::request_state") }
        if let category { query.append(" AND category = \(category.rawValue)::category") }
        query.append(" ORDER BY created_at, id LIMIT \(limit) OFFSET \(offset)")
        return try connection.query(query).map(Self.request(from:))
    }

    /// Every request of a category in a center, oldest first; `forUpdate` locks them.
    public func all(
        centerId: UUID, category: Domain.Category, forUpdate: Bool = false, on connection: Connection
    ) throws -> [Request] {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return try connection.query(
            """
            SELECT \(Self.columns) FROM requests WHERE center_id = \(centerId) AND category = \(category.rawValue)::category
            ORDER BY created_at, id\(lock)
            """
        ).map(Self.request(from:))
    }

    /// Moves a request to `state`, bumping its version, and records the transition.
    public func move(
        _ request: Request, to state: RequestState, reason: String?, on connection: Connection
    ) throws -> Request {
        let rows = try connection.query(
            """
            UPDATE requests SET state = \(state.rawValue)::request_state, reason = \(reason),
                   version = version + 1, updated_at = now()
            WHERE id = \(request.id) RETURNING \(Self.columns)
            """)
        try recordTransition(of: request.id, from: request.state, to: state, reason: reason, on: connection)
        return try Self.request(from: rows.first!)
    }

    /// Records what a published plan placed of a request.
    public func setPlacement(_ placement: RequestPlacement, of id: UUID, on connection: Connection) throws {
        try connection.query("UPDATE requests SET placement = \(try JSONB(encoding: placement)) WHERE id = \(id)")
    }

    private func recordTransition(
        of id: UUID, from: RequestState, to: RequestState, reason: String?, on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO request_transitions (request_id, from_state, to_state, reason)
            VALUES (\(id), \(from.rawValue)::request_state, \(to.rawValue)::request_state, \(reason))
            """)
    }

    static func request(from row: Row) throws -> Request {
        let category: Domain.Category = try row.decode("category")
        let state: RequestState = try row.decode("state")
        let json: JSONB = try row.decode("details")
        let details = try JSONDecoder().decode(DetailsBox.self, from: Data(json.json.utf8), configuration: category)
            .details
        return Request(
            id: try row.decode("id"), centerId: try row.decode("center_id"),
            organizationId: try row.decode("organization_id"),
            title: try row.decode("title"), details: details, state: state,
            reason: try row.decode("reason", as: String?.self),
            placement: try row.decode("placement", as: JSONB?.self)?.decode(RequestPlacement.self),
            version: try row.decode("version"))
    }
}

/// Carries ``RequestDetails`` through JSON coding; the category comes from the row beside it.
struct DetailsBox: Encodable, DecodableWithConfiguration {
    let details: RequestDetails

    init(_ details: RequestDetails) {
        self.details = details
    }

    init(from decoder: any Decoder, configuration: Domain.Category) throws {
        details = try RequestDetails(category: configuration, from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try details.encode(to: encoder)
    }
}
