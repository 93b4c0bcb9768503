/// A center's priority between categories: sessions of ``by`` may take the place of confirmed
/// bookings of ``displaces``, but only when the planner finds every displaced session a make-up
/// (same resource, instructor, class and hours) within ``makeUpWithinDays`` days after it.
public struct DisplacementRule: Sendable, Equatable, Codable {
    /// The categories that may displace (e.g. pilot production).
    public var by: [Category]
    /// The categories whose confirmed bookings may be displaced (e.g. student training).
    public var displaces: [Category]
    /// How many days after the displaced session its make-up may fall (1–60).
    public var makeUpWithinDays: Int

    public init(by: [Category], displaces: [Category], makeUpWithinDays: Int) {
        self.by = by
        self.displaces = displaces
        self.makeUpWithinDays = makeUpWithinDays
    }

    /// Checks the rule, naming the field of the first fault.
    func validate() throws(DomainError) {
        for (field, categories) in [("displacement/by", by), ("displacement/displaces", displaces)] {
            guard !categories.isEmpty else {
                throw DomainError(field: field, rule: "required", message: "Name at least one category.")
            }
            guard Set(categories).count == categories.count else {
                throw DomainError(field: field, rule: "unique", message: "A category is named twice.")
            }
        }
        if let both = by.first(where: displaces.contains) {
            throw DomainError(
                field: "displacement/displaces", rule: "notAlsoDisplacing",
                message: "The category \(both.rawValue) cannot displace itself.")
        }
        _ = try Validate.range(makeUpWithinDays, 1...60, field: "displacement/makeUpWithinDays")
    }
}
