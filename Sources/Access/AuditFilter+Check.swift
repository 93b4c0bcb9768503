public import Domain

extension AuditFilter {
    /// Refuses a filter no row could match for a reason the reader should hear: an action or
    /// entity that is not a snake-case word (as every row's is), or a `to` not after `from`.
    /// - Throws: ``DomainError``: `action` or `entity` `format`, `to` `afterFrom`.
    public func check() throws(DomainError) {
        for (field, value) in [("action", action), ("entity", entity)] {
            guard let value else { continue }
            guard value.count <= 64, value.first?.isLowercase == true,
                value.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" })
            else {
                throw DomainError(
                    field: field, rule: "format",
                    message: "The \(field) '\(value.prefix(80))' is not a word in snake case such as create or booking."
                )
            }
        }
        if let from, let to, to <= from {
            throw DomainError(
                field: "to", rule: "afterFrom", message: "The end of the period must come after its start.")
        }
    }
}
