import Domain
import Foundation

/// A report's sections as the page's tables and charts, in the reader's language: row and column
/// names from the texts (`reports_col_…`, `reports_row_…`, categories, weekdays, reasons), names of
/// resources and organizations as they are.
struct ReportView {
    let table: [String: String]

    /// The name of a row: the total, a category, a weekday, a reason… or its own label.
    func label(_ row: ReportRow, in section: ReportSection) -> String {
        if section.key == "heatMap" { return table["weekday_\(row.key)"] ?? row.key }
        if section.key == "notHeld", let reason = table["attendance_notHeld_\(row.key)"] { return reason }
        for key in ["reports_row_\(row.key)", "category_\(row.key)"] {
            if let text = table[key] { return text }
        }
        return row.label.isEmpty ? row.key : row.label
    }

    /// The mustache data of a section's table.
    func section(_ section: ReportSection) -> [String: Any] {
        [
            "key": section.key, "title": table["reports_section_\(section.key)"] ?? section.key,
            "columns": section.columns.map { table["reports_col_\($0)"] ?? $0 },
            "rows": section.rows.map { row in
                [
                    "label": label(row, in: section), "total": row.isTotal,
                    "cells": row.values.map(\.reportText),
                ] as [String: Any]
            },
        ]
    }

    /// The charts of a report, as inline SVG.
    func charts(_ report: Report) -> [String] {
        func bars(_ key: String, _ column: String, unit: String) -> String? {
            guard let section = report.section(key), let index = section.columns.firstIndex(of: column) else {
                return nil
            }
            let rows = section.rows.filter { !$0.isTotal }
            guard !rows.isEmpty else { return nil }
            return ReportChart.bars(
                rows.map { (label($0, in: section), $0.values[index]) }, unit: table[unit] ?? unit,
                title: (table["reports_section_\(key)"] ?? key) + " · " + (table["reports_col_\(column)"] ?? column))
        }
        switch report.kind {
        case .utilisation:
            guard let heat = report.section("heatMap") else { return [] }
            return [
                ReportChart.heatMap(
                    heat, weekdays: (1...7).map { table["weekday_\($0)"] ?? "\($0)" },
                    title: table["reports_section_heatMap"] ?? "heat map")
            ] + [bars("resources", "bookedHours", unit: "reports_unit_hours")].compactMap { $0 }
        case .categoryShares:
            guard let period = report.section("period") else { return [] }
            let rows: [(label: String, percent: Double, min: Double, max: Double)] = period.rows.filter {
                $0.key != ReportRow.totalKey
            }.map { row in
                (label(row, in: period), row.values[1], row.values[2], row.values[3])
            }
            return [ReportChart.shares(rows, title: table["reports_section_period"] ?? "shares")]
        case .people:
            return [
                bars("categories", "trainees", unit: "reports_unit_visits"),
                bars("organizations", "personHours", unit: "reports_unit_hours"),
            ].compactMap { $0 }
        case .teaching: return [bars("instructors", "hours", unit: "reports_unit_hours")].compactMap { $0 }
        case .pilot: return [bars("enterprises", "days", unit: "reports_unit_days")].compactMap { $0 }
        case .noShows: return [bars("organizations", "absent", unit: "reports_unit_marks")].compactMap { $0 }
        }
    }
}
