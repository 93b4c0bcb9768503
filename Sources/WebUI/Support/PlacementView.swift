import Domain

/// What the last published plan placed of a request, as a page shows it: "placed 14/16", and the
/// sessions left out with their reasons in the reader's language.
enum PlacementView {
    static func values(_ placement: RequestPlacement?, language: Language) -> [String: Any]? {
        guard let placement else { return nil }
        return [
            "placed": placement.placed, "asked": placement.asked, "complete": placement.placed == placement.asked,
            "hasUnplaced": !placement.unplaced.isEmpty,
            "unplaced": placement.unplaced.map { session in
                [
                    "name": session.name,
                    "reasons": session.reasons.map { $0.text(in: language.rawValue) }.joined(separator: "; "),
                ]
            },
        ]
    }
}
