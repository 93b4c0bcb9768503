public import Foundation

/// People who cannot be in two places at once: a school's class, an enterprise's group.
public struct Cohort: Sendable, Equatable, Codable {
    public var id: UUID
    public var organizationId: UUID
    public var name: String
    public var size: Int
    /// When the class can be at the center: free times, weeks that differ, travel time.
    public var availability: ClassAvailability
    public var version: Int

    public init(
        id: UUID, organizationId: UUID, name: String, size: Int, availability: ClassAvailability = .anyTime,
        version: Int
    ) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.size = size
        self.availability = availability
        self.version = version
    }
}

/// A cohort as a caller sends it; without `availability` it is free any time.
public struct NewCohort: Sendable, Decodable {
    public var name: String
    public var size: Int
    public var availability: ClassAvailability?

    public init(name: String, size: Int, availability: ClassAvailability? = nil) {
        self.name = name
        self.size = size
        self.availability = availability
    }

    /// Checks the name, a size of 1 to 1000 and the availability; returns the trimmed name.
    public func validated() throws(DomainError) -> String {
        _ = try Validate.range(size, 1...1000, field: "size")
        try availability?.validate(prefix: "availability/")
        return try Validate.name(name, field: "name")
    }
}

/// A change to a cohort as a caller sends it (`PATCH`): the fields given replace the stored ones;
/// an `availability` given replaces the whole availability.
public struct CohortChange: Sendable, Decodable {
    public var name: String?
    public var size: Int?
    public var availability: ClassAvailability?

    public init(name: String? = nil, size: Int? = nil, availability: ClassAvailability? = nil) {
        self.name = name
        self.size = size
        self.availability = availability
    }

    /// The cohort with the change applied and checked like a new one.
    /// - Throws: ``DomainError`` naming the field, as ``NewCohort/validated()`` does.
    public func applied(to cohort: Cohort) throws(DomainError) -> Cohort {
        let input = NewCohort(
            name: name ?? cohort.name, size: size ?? cohort.size, availability: availability ?? cohort.availability)
        var changed = cohort
        changed.name = try input.validated()
        changed.size = input.size
        changed.availability = input.availability ?? cohort.availability
        return changed
    }
}

/// An organization as a caller sends it.
public struct NewOrganization: Sendable, Decodable {
    public var name: String
    public var kind: OrganizationKind

    public init(name: String, kind: OrganizationKind) {
        self.name = name
        self.kind = kind
    }
}
