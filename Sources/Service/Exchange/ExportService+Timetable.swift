public import Access
import Database
import Dates
public import Domain
public import Foundation
import Repositories

extension ExportService {
    /// The timetable columns, English key and Chinese name.
    public static let timetableColumns: [(key: String, chinese: String)] = [
        ("date", "日期"), ("start", "开始"), ("end", "结束"), ("resources", "场地设备"), ("category", "类别"),
        ("title", "内容"), ("organization", "单位"), ("instructor", "教师"), ("second_instructor", "第二教师"),
        ("classes", "班级"),
    ]

    /// A timetable over `[from, to)` as ``TimetableService`` shows it to the caller (others'
    /// confidential work as `占用 / Occupied` with nothing else), times in the zone of the center
    /// the export is asked at.
    /// - Throws: `.notFound` for an unknown center, and what the timetable use case throws.
    public func timetable(
        of subject: TimetableSubject, from: Date, to: Date, at centerId: UUID, as caller: Principal
    ) async throws -> CSVFile {
        let zone = try await zone(of: centerId)
        let service = TimetableService(database: database)
        let entries = try await Self.all {
            try await service.timetable(of: subject, from: from, to: to, page: $0, as: caller)
        }
        return CSVFile(
            header: Self.timetableColumns.map(\.key),
            rows: entries.map { entry in
                let start = Self.local(entry.start, zone: zone)
                let end = Self.local(entry.end, zone: zone)
                let resources = entry.resources.map { use in
                    use.stations.map { "\(use.name) ×\($0)" } ?? use.name
                }
                return [
                    start.date, start.time, end.time, resources.joined(separator: ";"),
                    entry.category?.rawValue ?? "", entry.occupied ? "占用 / Occupied" : entry.title ?? "",
                    entry.organization?.name ?? "", entry.instructor?.name ?? "", entry.secondInstructor?.name ?? "",
                    (entry.cohorts ?? []).map(\.name).joined(separator: ";"),
                ]
            })
    }

    /// The zone of a center.
    /// - Throws: `.notFound` for an unknown center.
    func zone(of centerId: UUID) async throws -> TimeZone {
        guard let center = try await database.reading({ try CenterRepository().find(id: centerId, on: $0) })
        else { throw ServiceError.notFound(entity: "center") }
        return center.zone
    }

    /// The local date and clock time of an instant.
    static func local(_ instant: Date, zone: TimeZone) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return (date, String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))
    }
}
