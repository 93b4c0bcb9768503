/// The fields of a center a PATCH may change; an absent field stays as it is. The time zone is
/// fixed at creation: the center's bookings, closures and opening hours are local to it.
public struct CenterChange: Sendable, Decodable {
    public var name: String?
    public var slotMinutes: Int?
    /// Refused when it differs from the center's: see the type's summary.
    public var timeZone: String?

    public init(name: String? = nil, slotMinutes: Int? = nil, timeZone: String? = nil) {
        self.name = name
        self.slotMinutes = slotMinutes
        self.timeZone = timeZone
    }

    /// The center with the change applied, checked as creation checks a new one.
    public func applied(to center: Center) throws(DomainError) -> Center {
        if let timeZone, timeZone != center.timeZone {
            throw DomainError(
                field: "timeZone", rule: "immutable",
                message:
                    "The timeZone of a center cannot change (its bookings and hours are local to \(center.timeZone)); create another center."
            )
        }
        let fields = try NewCenter(
            name: name ?? center.name, operatorId: center.operatorId, timeZone: center.timeZone,
            slotMinutes: slotMinutes ?? center.slotMinutes
        ).validated()
        var changed = center
        changed.name = fields.name
        changed.slotMinutes = fields.slotMinutes
        return changed
    }
}
