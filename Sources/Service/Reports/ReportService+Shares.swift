import Database
import Dates
import Domain
import Foundation
import Repositories

extension ReportService {
    /// Each category's share of the booked resource-hours against the center's policy bounds (0–100
    /// where it sets none), for the period (`within` 1 when inside the bounds) and per week.
    static func categoryShares(
        centerId: UUID, filter: ReportFilter, on connection: Connection
    ) throws
        -> [ReportSection]
    {
        let hours = try ReportRepository().categoryHours(centerId: centerId, filter: filter, on: connection)
        let bounds = try PolicyRepository().policy(centerId: centerId, on: connection).shares
        let total = hours.reduce(0) { $0 + $1.hours }
        let period = Domain.Category.allCases.map { category in
            let booked = hours.filter { $0.category == category }.reduce(0) { $0 + $1.hours }
            let bound = bounds.first { $0.category == category }
            let (low, high) = (Double(bound?.minPercent ?? 0), Double(bound?.maxPercent ?? 100))
            let share = percent(booked, of: total)
            return ReportRow(
                key: category.rawValue, label: category.rawValue,
                values: [booked, share, low, high, total == 0 || (low...high).contains(share) ? 1 : 0])
        }
        let weeks = Dictionary(grouping: hours, by: \.week).sorted { $0.key < $1.key }.map { week, rows in
            let weekTotal = rows.reduce(0) { $0 + $1.hours }
            return ReportRow(
                key: week.description, label: week.description,
                values: Domain.Category.allCases.map { category in
                    percent(rows.filter { $0.category == category }.reduce(0) { $0 + $1.hours }, of: weekTotal)
                } + [weekTotal])
        }
        return [
            ReportSection(
                key: "period", columns: ["hours", "percent", "minPercent", "maxPercent", "within"],
                rows: period + [
                    ReportRow(key: ReportRow.totalKey, label: "", values: [total, total > 0 ? 100 : 0, 0, 100, 1])
                ]),
            ReportSection(key: "weeks", columns: Domain.Category.allCases.map(\.rawValue) + ["hours"], rows: weeks),
        ]
    }

    /// `part` as a percentage of `whole`, to one decimal; 0 of nothing.
    static func percent(_ part: Double, of whole: Double) -> Double {
        whole > 0 ? (part * 1000 / whole).rounded() / 10 : 0
    }
}
