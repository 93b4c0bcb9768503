public import Domain
import Foundation

extension ReportService {
    /// A report as one spreadsheet: each section's rows under a header row of its own (`section`,
    /// `key`, `label`, then its columns), sections apart by an empty row.
    public static func csv(_ report: Report) -> CSVFile {
        var lines: [[String]] = []
        for section in report.sections {
            if !lines.isEmpty { lines.append([]) }
            lines.append(["section", "key", "label"] + section.columns)
            lines += section.rows.map { [section.key, $0.key, $0.label] + $0.values.map(\.reportText) }
        }
        return CSVFile(header: lines.first ?? ["section", "key", "label"], rows: Array(lines.dropFirst()))
    }

    /// The public report as a spreadsheet: one row per indicator (its value empty when Praxis does not
    /// compute it, its source report, section, row and column), then the pilot days per enterprise
    /// of the full edition.
    public static func csv(_ report: PublicReport) -> CSVFile {
        var rows = report.indicators.map { indicator in
            [
                indicator.key, indicator.value?.reportText ?? "", indicator.source?.report.rawValue ?? "",
                indicator.source?.category?.rawValue ?? "", indicator.source?.section ?? "",
                indicator.source?.row ?? "", indicator.source?.column ?? "",
            ]
        }
        if !report.pilotEnterprises.isEmpty {
            rows.append([])
            rows.append(["enterprise", "pilotDays", "sessions", "hours"])
            rows += report.pilotEnterprises.map { [$0.label] + $0.values.map(\.reportText) }
        }
        return CSVFile(header: ["indicator", "value", "report", "category", "section", "row", "column"], rows: rows)
    }
}
