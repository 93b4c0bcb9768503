public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension ExportService {
    /// The bookings columns, English key and Chinese name.
    public static let bookingColumns: [(key: String, chinese: String)] = [
        ("date", "日期"), ("start", "开始"), ("end", "结束"), ("resources", "场地设备"), ("status", "状态"),
        ("category", "类别"), ("title", "内容"), ("organization", "单位"), ("participants", "人数"), ("id", "编号"),
    ]

    /// What a bookings export keeps: one resource's, one organization's, one category's (each
    /// optional). Occupied blocks name neither organization nor category, so either filter leaves
    /// them out.
    public struct BookingFilter: Sendable {
        public var resourceId: UUID?
        public var organizationId: UUID?
        public var category: Domain.Category?

        public init(resourceId: UUID? = nil, organizationId: UUID? = nil, category: Domain.Category? = nil) {
            self.resourceId = resourceId
            self.organizationId = organizationId
            self.category = category
        }
    }

    /// A center's bookings overlapping `[from, to)` as ``BookingService/bookings(in:from:to:status:page:as:)``
    /// shows them to the caller: others' confidential work (pilot production) as `占用 / Occupied`
    /// with its time and resources only. Times are local to the center.
    public func bookings(
        in centerId: UUID, from: Date, to: Date, filter: BookingFilter, as caller: Principal
    ) async throws -> CSVFile {
        let shown = try await Self.all {
            try await BookingService(database: database).bookings(
                in: centerId, from: from, to: to, status: nil, page: $0, as: caller)
        }.filter { booking in
            (filter.resourceId.map { id in booking.resources.contains { $0.resourceId == id } } ?? true)
                && (filter.organizationId.map { booking.details?.organizationId == $0 } ?? true)
                && (filter.category.map { booking.details?.category == $0 } ?? true)
        }
        let zone = try await zone(of: centerId)
        let names = try await names(of: shown)
        return CSVFile(
            header: Self.bookingColumns.map(\.key),
            rows: shown.map { booking in
                let start = Self.local(booking.start, zone: zone)
                let resources = booking.resources.map { use in
                    let name = names.resources[use.resourceId] ?? ""
                    return use.stations.map { "\(name) ×\($0)" } ?? name
                }
                let time = [start.date, start.time, Self.local(booking.end, zone: zone).time]
                guard let details = booking.details else {
                    return time + [resources.joined(separator: ";"), booking.status.rawValue, "", "占用 / Occupied"]
                        + ["", "", ""]
                }
                return time + [
                    resources.joined(separator: ";"), booking.status.rawValue, details.category.rawValue, details.title,
                    names.organizations[details.organizationId] ?? "", String(details.participants),
                    details.id.uuidString.lowercased(),
                ]
            })
    }

    /// The names of the resources and organizations the bookings show.
    private func names(
        of bookings: [ShownBooking]
    ) async throws -> (resources: [UUID: String], organizations: [UUID: String]) {
        try await database.reading { connection in
            let resources = try ResourceRepository().find(
                ids: Array(Set(bookings.flatMap { $0.resources.map(\.resourceId) })), on: connection
            ).mapValues(\.name)
            var organizations: [UUID: String] = [:]
            for id in Set(bookings.compactMap { $0.details?.organizationId }) {
                organizations[id] = try OrganizationRepository().find(id: id, on: connection)?.name
            }
            return (resources, organizations)
        }
    }
}
