import Dates
import Foundation

/// The consortium's public report: the indicators of the policy's annex (附件2) that Praxis's data
/// computes, each with the report figure it was read from, and those it cannot compute.
public struct PublicReport: Sendable, Equatable, Encodable {
    /// Who the report is for.
    public enum Edition: String, Sendable, Codable, CaseIterable {
        /// For the center's managers and auditors: pilot production per enterprise (as the reader may see it).
        case full
        /// For publication: no organization-level detail of pilot production.
        case `public`
    }

    public let filter: ReportFilter
    public let edition: Edition
    public let indicators: [PublicIndicator]
    /// Pilot-production days per enterprise (the pilot report's rows); empty in the public edition.
    public let pilotEnterprises: [ReportRow]

    public init(filter: ReportFilter, edition: Edition, indicators: [PublicIndicator], pilotEnterprises: [ReportRow]) {
        self.filter = filter
        self.edition = edition
        self.indicators = indicators
        self.pilotEnterprises = pilotEnterprises
    }

    private enum CodingKeys: String, CodingKey { case from, to, edition, indicators, pilotEnterprises }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filter.from, forKey: .from)
        try container.encode(filter.to, forKey: .to)
        try container.encode(edition, forKey: .edition)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(
            ReportSection(key: "enterprises", columns: ["days", "sessions", "hours"], rows: pilotEnterprises),
            forKey: .pilotEnterprises)
    }
}

/// One indicator of the annex: its value and the report cell it comes from, or `nil` for both
/// when Praxis's data cannot compute it.
public struct PublicIndicator: Sendable, Equatable, Encodable {
    public let key: String
    public let value: Double?
    public let source: IndicatorSource?

    public init(key: String, value: Double?, source: IndicatorSource?) {
        self.key = key
        self.value = value
        self.source = source
    }

    /// Whether Praxis computes it.
    public var isComputed: Bool { source != nil }
}

/// Where a figure is read: a report (of one category, when given), its section, row and column.
public struct IndicatorSource: Sendable, Equatable, Encodable {
    public let report: ReportKind
    public let category: Category?
    public let section: String
    public let row: String
    public let column: String

    public init(report: ReportKind, category: Category? = nil, section: String, row: String, column: String) {
        self.report = report
        self.category = category
        self.section = section
        self.row = row
        self.column = column
    }
}
