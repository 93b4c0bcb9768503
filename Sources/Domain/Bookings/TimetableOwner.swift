public import Foundation

/// Where a timetable's subject belongs, as far as deciding who may read it goes.
public struct TimetableOwner: Sendable, Equatable {
    /// The center of a resource or an instructor.
    public var centerId: UUID?
    /// The organization of an instructor (affiliation), a cohort, or the organization itself.
    public var organizationId: UUID?

    public init(centerId: UUID?, organizationId: UUID?) {
        self.centerId = centerId
        self.organizationId = organizationId
    }
}
