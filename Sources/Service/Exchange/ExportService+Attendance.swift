public import Access
import Database
import Domain
public import Foundation
import Repositories

extension ExportService {
    /// The attendance columns (a roster's, one row per person and session), English key and Chinese name.
    public static let attendanceColumns: [(key: String, chinese: String)] = [
        ("date", "日期"), ("start", "开始"), ("end", "结束"), ("session", "课次"), ("name", "姓名"), ("number", "学号/工号"),
        ("group", "分组"), ("mark", "出勤"), ("source", "记录方式"), ("marked_at", "记录时间"), ("reason", "更正原因"),
    ]

    /// A session's roster with its marks, as ``AttendanceService/roster(of:as:)`` shows it to the
    /// caller (the center's managers, the session's instructors, the organization's coordinators).
    public func roster(of bookingId: UUID, as caller: Principal) async throws -> CSVFile {
        let roster = try await AttendanceService(database: database).roster(of: bookingId, as: caller)
        return CSVFile(
            header: Self.attendanceColumns.map(\.key),
            rows: Self.rows(of: roster, zone: try await zone(of: roster.centerId)))
    }

    /// The attendance of every session of a center starting in `[from, to)` whose roster the caller
    /// may read (the others are left out: their people are not the caller's to see), by session start.
    public func attendance(in centerId: UUID, from: Date, to: Date, as caller: Principal) async throws -> CSVFile {
        let sessions = try await Self.all {
            try await BookingService(database: database).bookings(
                in: centerId, from: from, to: to, status: .confirmed, page: $0, as: caller)
        }.compactMap(\.details).filter { $0.start >= from }.sorted { ($0.start, $0.title) < ($1.start, $1.title) }
        let zone = try await zone(of: centerId)
        let service = AttendanceService(database: database)
        var rows: [[String]] = []
        for session in sessions where rows.count < Self.maxRows {
            do {
                rows += Self.rows(of: try await service.roster(of: session.id, as: caller), zone: zone)
            } catch ServiceError.notFound, ServiceError.forbidden {
                continue
            }
        }
        return CSVFile(header: Self.attendanceColumns.map(\.key), rows: rows)
    }

    /// One row per person on the roster.
    private static func rows(of roster: SessionRoster, zone: TimeZone) -> [[String]] {
        let start = local(roster.start, zone: zone)
        return roster.entries.map { entry in
            let person = entry.participant
            let marked = entry.markedAt.map { local($0, zone: zone) }
            return [
                start.date, start.time, local(roster.end, zone: zone).time, roster.title, person.name,
                person.number ?? "",
                person.group.map(String.init) ?? "", entry.mark?.rawValue ?? "", entry.source?.rawValue ?? "",
                marked.map { "\($0.date) \($0.time)" } ?? "", entry.reason ?? "",
            ]
        }
    }
}

extension ExportService {
    /// A request's named participants in the participants import's columns (the request by its id),
    /// as ``ParticipantService/participants(of:as:)`` shows them: exported, edited and imported again.
    public func participants(of requestId: UUID, as caller: Principal) async throws -> CSVFile {
        let people = try await ParticipantService(database: database).participants(of: requestId, as: caller)
        let request = requestId.uuidString.lowercased()
        return CSVFile(
            header: ImportKind.participants.columns.map(\.key),
            rows: people.map { [request, $0.name, $0.number ?? "", $0.phone ?? ""] })
    }
}
