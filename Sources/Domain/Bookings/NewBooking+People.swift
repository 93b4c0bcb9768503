public import Foundation

extension Organization {
    /// Whether the organization does work of `category` at `center`, as its requests may: schools
    /// student training; enterprises upskilling and pilot production; the center's operator and
    /// SMEs shared-employee courses.
    public func works(_ category: Category, at center: Center) -> Bool {
        switch category {
        case .studentTraining: kind.isSchool
        case .employeeUpskilling, .pilotProduction: kind.isEnterprise
        case .sharedEmployee: kind == .sme || id == center.operatorId
        }
    }
}

extension NewBooking {
    /// The most people one workstation takes: as many as a school's request may seat at one.
    public static let mostPerStation = 10

    /// The most participants the booked resources seat: a whole resource its seats, stations of a
    /// pool ``mostPerStation`` each.
    /// - Parameter seats: the seats of each booked resource, by id.
    public func capacity(seats: [UUID: Int]) -> Int {
        resources.reduce(0) { total, use in
            total + (use.stations.map { $0 * Self.mostPerStation } ?? seats[use.resourceId] ?? 0)
        }
    }

    /// The rules a person's direct booking follows, the planner's own: it starts from `now` on,
    /// its category is one the organization does, and its participants fit the seats.
    /// - Throws: ``DomainError`` naming `start` (rule `past`), `category` (rule `categoryForOrganization`)
    ///   or `participants` (rule `seats`).
    public func checkForPeople(
        now: Date, organization: Organization?, center: Center, seats: [UUID: Int]
    ) throws(DomainError) {
        guard start >= now else {
            throw DomainError(
                field: "start", rule: "past", message: "The booking starts in the past; book a time from now on.")
        }
        if let organization, !organization.works(category, at: center) {
            throw DomainError(
                field: "category", rule: "categoryForOrganization",
                message:
                    "\(organization.name) (\(organization.kind.rawValue)) does no \(category.rawValue) work; choose a category it does."
            )
        }
        if let participants, participants > capacity(seats: seats) {
            throw DomainError(
                field: "participants", rule: "seats",
                message: "\(participants) participants do not fit the \(capacity(seats: seats)) seats booked.")
        }
    }
}
