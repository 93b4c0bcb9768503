public import Database
public import Domain
public import Foundation

/// Reads confirmed bookings as timetable entries, names resolved, for one resource, instructor,
/// cohort or organization.
public struct TimetableRepository: Sendable {
    public init() {}

    /// Where the subject belongs; `nil` when it does not exist.
    public func owner(of subject: TimetableSubject, on connection: Connection) throws -> TimetableOwner? {
        let query: SQL =
            switch subject {
            case .resource(let id): "SELECT center_id, NULL::uuid AS organization_id FROM resources WHERE id = \(id)"
            case .instructor(let id): "SELECT center_id, organization_id FROM instructors WHERE id = \(id)"
            case .cohort(let id): "SELECT NULL::uuid AS center_id, organization_id FROM cohorts WHERE id = \(id)"
            case .organization(let id):
                "SELECT NULL::uuid AS center_id, id AS organization_id FROM organizations WHERE id = \(id)"
            }
        return try connection.query(query).first.map { row in
            TimetableOwner(
                centerId: try row.decode("center_id", as: UUID?.self),
                organizationId: try row.decode("organization_id", as: UUID?.self))
        }
    }

    /// The subject's confirmed sessions overlapping `[from, to)`, by start; only those at
    /// `centerIds` when given.
    public func entries(
        of subject: TimetableSubject, from: Date, to: Date, at centerIds: Set<UUID>? = nil, limit: Int, offset: Int,
        on connection: Connection
    ) throws -> [TimetableEntry] {
        let condition: SQL =
            switch subject {
            case .resource(let id):
                // blocks on the resource stand for its own bookings and those of what it contains
                """
                (EXISTS (SELECT 1 FROM booking_blocks k WHERE k.booking_id = b.id AND k.purpose = 'occupancy' AND k.resource_id = \(id))
                 OR EXISTS (SELECT 1 FROM booking_resources u JOIN resource_ancestors(\(id)) a ON a.resource_id = u.resource_id
                            WHERE u.booking_id = b.id AND a.depth > 0))
                """
            case .instructor(let id): "(b.instructor_id = \(id) OR b.second_instructor_id = \(id))"
            case .cohort(let id):
                "EXISTS (SELECT 1 FROM booking_cohorts c WHERE c.booking_id = b.id AND c.cohort_id = \(id))"
            case .organization(let id): "b.organization_id = \(id)"
            }
        return try rows(
            where: "b.status = 'confirmed' AND \(condition)", from: from, to: to, at: centerIds, limit: limit,
            offset: offset, on: connection
        ).map(Self.entry(from:))
    }

    /// Bookings overlapping `[from, to)` that meet `condition` (on `b`), by start, with their names,
    /// status, version and last change; only those at `centerIds` when given.
    func rows(
        where condition: SQL, from: Date, to: Date, at centerIds: Set<UUID>?, limit: Int, offset: Int,
        on connection: Connection
    ) throws -> Rows {
        let centers = centerIds.map { $0.map { $0.uuidString.lowercased() }.sorted() }
        return try connection.query(
            """
            SELECT b.id, b.category::text AS category, b.title, b.request_id, lower(b.during) AS start, upper(b.during) AS "end",
                   b.status::text AS status, b.version, b.changed_at,
                   o.id AS organization_id, o.name AS organization_name, i.id AS instructor_id, i.name AS instructor_name,
                   m.id AS second_instructor_id, m.name AS second_instructor_name, b.group_number::int4, b.group_count::int4,
                   coalesce((SELECT array_agg(r.id::text || '|' || coalesce(u.stations::text, '') || '|' || r.name ORDER BY r.name, r.id)
                             FROM booking_resources u JOIN resources r ON r.id = u.resource_id WHERE u.booking_id = b.id), '{}') AS uses,
                   coalesce((SELECT array_agg(h.id::text || '|' || h.name ORDER BY h.name, h.id)
                             FROM booking_cohorts c JOIN cohorts h ON h.id = c.cohort_id WHERE c.booking_id = b.id), '{}') AS cohorts
            FROM bookings b
            JOIN organizations o ON o.id = b.organization_id
            LEFT JOIN instructors i ON i.id = b.instructor_id
            LEFT JOIN instructors m ON m.id = b.second_instructor_id
            WHERE b.during && tstzrange(\(from), \(to)) AND \(condition)
              AND (\(centers)::uuid[] IS NULL OR b.center_id = ANY(\(centers)::uuid[]))
            ORDER BY lower(b.during), b.id
            LIMIT \(limit) OFFSET \(offset)
            """)
    }

    /// Whether the organization has requests or bookings at any of these centers: whether its
    /// timetable is any business of those centers' managers.
    public func hasWork(organizationId: UUID, at centerIds: Set<UUID>, on connection: Connection) throws -> Bool {
        let centers = centerIds.map { $0.uuidString.lowercased() }
        return try connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM bookings WHERE organization_id = \(organizationId) AND center_id = ANY(\(centers)::uuid[]))
                OR EXISTS (SELECT 1 FROM requests WHERE organization_id = \(organizationId) AND center_id = ANY(\(centers)::uuid[]))
                AS found
            """
        ).first!.decode("found")
    }

    static func entry(from row: Row) throws -> TimetableEntry {
        let resources = try row.decode("uses", as: [String].self).map { text -> TimetableEntry.ResourceUse in
            let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            return .init(id: UUID(uuidString: String(parts[0]))!, name: String(parts[2]), stations: Int(parts[1]))
        }
        let cohorts = try row.decode("cohorts", as: [String].self).map { text -> TimetableEntry.Named in
            let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            return .init(id: UUID(uuidString: String(parts[0]))!, name: String(parts[1]))
        }
        let instructor = try row.decode("instructor_id", as: UUID?.self).map {
            TimetableEntry.Named(id: $0, name: try row.decode("instructor_name"))
        }
        var entry = TimetableEntry(
            start: try row.decode("start"), end: try row.decode("end"), resources: resources,
            bookingId: try row.decode("id"),
            category: try row.decode("category"), title: try row.decode("title"),
            requestId: try row.decode("request_id", as: UUID?.self),
            organization: .init(id: try row.decode("organization_id"), name: try row.decode("organization_name")),
            instructor: instructor, cohorts: cohorts)
        entry.secondInstructor = try row.decode("second_instructor_id", as: UUID?.self).map {
            TimetableEntry.Named(id: $0, name: try row.decode("second_instructor_name"))
        }
        entry.group = try BookingRepository.group(from: row)
        return entry
    }
}
