import Foundation

/// A center's catalogue as a whole: what new input may name, and the labels of every tag it knows.
public struct CapabilityCatalogue: Sendable, Equatable {
    /// The entries by tag, retired ones included.
    public let entries: [String: CatalogueEntry]

    public init(_ entries: [CatalogueEntry]) {
        self.entries = Dictionary(entries.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Checks that each tag is an active entry of the catalogue; tags in `kept` (already carried
    /// by the object being edited) may also be retired ones.
    /// - Parameter tags: each tag with the field that named it (`capabilities/0`, `details/capability`).
    /// - Throws: ``DomainError`` with rule `catalogue` naming the first field whose tag the
    ///   catalogue does not offer.
    public func check(_ tags: [(field: String, tag: String)], keeping kept: Set<String> = []) throws(DomainError) {
        for (field, raw) in tags {
            let tag = raw.trimmingCharacters(in: .whitespaces)
            switch entries[tag]?.status {
            case .active?: continue
            case .retired? where kept.contains(tag): continue
            case .retired?:
                throw DomainError(
                    field: field, rule: "catalogue",
                    message: "The \(field) '\(tag)' is retired from the center's catalogue; choose another.")
            case nil:
                throw DomainError(
                    field: field, rule: "catalogue",
                    message:
                        "The \(field) '\(tag)' is not in the center's catalogue; choose one of its entries or ask a manager to add it."
                )
            }
        }
    }

    /// The label of a tag in Chinese or English; the tag itself when the catalogue does not know it.
    public func label(_ tag: String, chinese: Bool) -> String {
        entries[tag]?.label(chinese: chinese) ?? tag
    }
}
