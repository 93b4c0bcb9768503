import Foundation

/// What a manager sends to add a capability or skill to a center's catalogue.
public struct NewCatalogueEntry: Sendable, Decodable {
    public var tag: String
    public var labelZh: String
    public var labelEn: String
    public var kind: CapabilityKind
    public var description: String?

    public init(tag: String, labelZh: String, labelEn: String, kind: CapabilityKind, description: String? = nil) {
        self.tag = tag
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.kind = kind
        self.description = description
    }

    /// Checks the fields; returns them trimmed, the description empty when absent.
    public func validated() throws(DomainError) -> NewCatalogueEntry {
        NewCatalogueEntry(
            tag: try Validate.tag(tag, field: "tag"), labelZh: try Self.label(labelZh, field: "labelZh"),
            labelEn: try Self.label(labelEn, field: "labelEn"), kind: kind,
            description: try Self.description(description ?? ""))
    }

    /// A label: a name of at most 100 characters.
    static func label(_ raw: String, field: String) throws(DomainError) -> String {
        let label = try Validate.name(raw, field: field)
        guard label.unicodeScalars.count <= 100 else {
            throw DomainError(
                field: field, rule: "maxLength",
                message: "The \(field) (\(label.unicodeScalars.count) characters) must be at most 100 characters.")
        }
        return label
    }

    /// A description: empty, or a text of at most 1000 characters without control characters
    /// (but tabs and line breaks).
    static func description(_ raw: String) throws(DomainError) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.unicodeScalars.count <= 1000 else {
            throw DomainError(
                field: "description", rule: "maxLength", message: "The description must be at most 1000 characters.")
        }
        let allowed: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        guard
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) })
        else {
            throw DomainError(
                field: "description", rule: "characters",
                message: "The description must not contain control characters.")
        }
        return text
    }
}

/// The fields of a catalogue entry a PATCH may change; the tag never changes.
public struct CatalogueChange: Sendable, Decodable {
    public var labelZh: String?
    public var labelEn: String?
    public var kind: CapabilityKind?
    public var description: String?
    public var status: CatalogueStatus?

    public init(
        labelZh: String? = nil, labelEn: String? = nil, kind: CapabilityKind? = nil, description: String? = nil,
        status: CatalogueStatus? = nil
    ) {
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.kind = kind
        self.description = description
        self.status = status
    }

    /// The entry with the change applied, checked like a new one.
    public func applied(to entry: CatalogueEntry) throws(DomainError) -> CatalogueEntry {
        var changed = entry
        if let labelZh { changed.labelZh = try NewCatalogueEntry.label(labelZh, field: "labelZh") }
        if let labelEn { changed.labelEn = try NewCatalogueEntry.label(labelEn, field: "labelEn") }
        if let kind { changed.kind = kind }
        if let description { changed.description = try NewCatalogueEntry.description(description) }
        if let status { changed.status = status }
        return changed
    }
}
