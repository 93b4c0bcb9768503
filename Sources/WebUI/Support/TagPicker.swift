import Access
import Domain
import Foundation
import Service

/// A center's capability catalogue as the pages use it: pickers that offer its entries by their
/// label in the reader's language (the tag sent underneath), and labels in place of tags.
struct TagPicker: Sendable {
    let catalogue: CapabilityCatalogue
    let language: Language

    init(_ entries: [CatalogueEntry], language: Language) {
        catalogue = CapabilityCatalogue(entries)
        self.language = language
    }

    /// Reads the center's catalogue as `reader`.
    static func load(
        _ services: PageServices, center: UUID, reader: Principal, language: Language
    ) async throws -> TagPicker {
        TagPicker(try await services.catalogue.entries(of: center, as: reader), language: language)
    }

    /// Options for a `<select>` or a list of checkboxes: the active entries, equipment before
    /// skills, each by label (plus a retired entry still chosen, so that an edit can keep it).
    /// - Parameter chosen: the tags to show selected or checked.
    func options(chosen: Set<String>) -> [[String: Any]] {
        catalogue.entries.values
            .filter { $0.status == .active || chosen.contains($0.tag) }
            .sorted { ($0.kind == .equipment ? 0 : 1, label($0.tag)) < ($1.kind == .equipment ? 0 : 1, label($1.tag)) }
            .map { entry -> [String: Any] in
                ["value": entry.tag, "label": label(entry.tag), "chosen": chosen.contains(entry.tag)]
            }
    }

    /// A field offering the catalogue, named `name`, with its legend and the message of `errors`
    /// for it, if any: a list of checkboxes (`tagchecks.mustache`) or a `<select>` (`tagselect.mustache`).
    func field(name: String, legend: String, chosen: [String], errors: FieldErrors) -> [String: Any] {
        var values: [String: Any] = ["name": name, "legend": legend, "options": options(chosen: Set(chosen))]
        if let error = errors.values[name] { values["error"] = error }
        return values
    }

    /// A field of `count` selects named `name` that pick tags in order (a rotation's stations), the
    /// chosen ones preselected in their positions (`tagorder.mustache`).
    func orderedField(name: String, legend: String, chosen: [String], count: Int, errors: FieldErrors) -> [String: Any]
    {
        let positions = (0..<max(count, chosen.count)).map { index -> [String: Any] in
            let tag = index < chosen.count ? chosen[index] : ""
            return ["number": index + 1, "options": options(chosen: tag.isEmpty ? [] : [tag])]
        }
        var values: [String: Any] = ["name": name, "legend": legend, "positions": positions]
        if let error = errors.values[name] { values["error"] = error }
        return values
    }

    /// The label of a tag in the reader's language (the tag itself when the catalogue lacks it).
    func label(_ tag: String) -> String { catalogue.label(tag, chinese: language == .zh) }

    /// Tags as their labels, separated as the language separates a list.
    func labels(_ tags: [String]) -> String {
        tags.map(label).joined(separator: language == .zh ? "、" : ", ")
    }
}

extension Form {
    /// A form holding these fields, as a page shows a stored object for editing.
    init(pairs: [(String, String)]) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        self.init(
            encoded: pairs.map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
    }
}
