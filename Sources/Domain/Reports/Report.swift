import Dates
public import Foundation

/// A report's figures as tables: each ``ReportSection`` has named columns and rows of numbers, a row
/// with the key ``ReportRow/totalKey`` holding the section's total.
public struct Report: Sendable, Equatable, Encodable {
    public let kind: ReportKind
    public let filter: ReportFilter
    public var sections: [ReportSection]

    public init(kind: ReportKind, filter: ReportFilter, sections: [ReportSection]) {
        self.kind = kind
        self.filter = filter
        self.sections = sections
    }

    /// The section named `key`, if the report has it.
    public func section(_ key: String) -> ReportSection? { sections.first { $0.key == key } }

    private enum CodingKeys: String, CodingKey { case report, from, to, organizationId, category, sections }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .report)
        try container.encode(filter.from, forKey: .from)
        try container.encode(filter.to, forKey: .to)
        try container.encodeIfPresent(filter.organizationId, forKey: .organizationId)
        try container.encodeIfPresent(filter.category, forKey: .category)
        try container.encode(sections, forKey: .sections)
    }
}

/// One table of a report: `columns` name the numbers of every row.
public struct ReportSection: Sendable, Equatable, Encodable {
    public let key: String
    public let columns: [String]
    public var rows: [ReportRow]

    public init(key: String, columns: [String], rows: [ReportRow]) {
        self.key = key
        self.columns = columns
        self.rows = rows
    }

    /// The section's total row.
    public var total: ReportRow? { rows.first { $0.key == ReportRow.totalKey } }

    /// The value of `column` in the row keyed `rowKey`; `nil` when either is missing.
    public func value(_ column: String, of rowKey: String) -> Double? {
        guard let index = columns.firstIndex(of: column), let row = rows.first(where: { $0.key == rowKey }) else {
            return nil
        }
        return row.values[index]
    }

    private enum CodingKeys: String, CodingKey { case key, columns, rows }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(columns, forKey: .columns)
        var rowsContainer = container.nestedUnkeyedContainer(forKey: .rows)
        for row in rows {
            var object = rowsContainer.nestedContainer(keyedBy: ColumnKey.self)
            try object.encode(row.key, forKey: ColumnKey("key"))
            try object.encode(row.label, forKey: ColumnKey("label"))
            try object.encodeIfPresent(row.organizationId, forKey: ColumnKey("organizationId"))
            for (column, value) in zip(columns, row.values) { try object.encode(value, forKey: ColumnKey(column)) }
        }
    }

    /// A column's name as a JSON key.
    private struct ColumnKey: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { return nil }
    }
}

/// One row of a ``ReportSection``: what it is about (a resource, a category, an organization, a
/// week…) and its numbers, in the section's column order.
public struct ReportRow: Sendable, Equatable {
    /// The key of a section's total row.
    public static let totalKey = "total"
    /// The key of the center-wide total shown beside an organization's own rows.
    public static let centerTotalKey = "centerTotal"

    public let key: String
    public let label: String
    /// The organization the row is about, when it is about one (whose reader may see it).
    public let organizationId: UUID?
    public let values: [Double]

    public init(key: String, label: String, organizationId: UUID? = nil, values: [Double]) {
        self.key = key
        self.label = label
        self.organizationId = organizationId
        self.values = values
    }

    /// Whether the row is a total (the section's or the whole center's).
    public var isTotal: Bool { key == Self.totalKey || key == Self.centerTotalKey }

    /// The same numbers under another key.
    public func rekeyed(_ key: String) -> ReportRow {
        ReportRow(key: key, label: label, organizationId: organizationId, values: values)
    }
}

extension Double {
    /// A report figure as text: whole numbers without decimals, others to one decimal (`12`, `7.5`).
    public var reportText: String {
        let tenths = (self * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }
}
