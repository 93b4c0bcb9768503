public import Allocator
public import Domain

/// A confirmed booking a run may move to a make-up (ProblemBuilder+Displacement.swift).
public struct DisplaceableBooking: Sendable {
    /// Its priority in the allocator: above any number of sessions a run could place instead.
    static let priority = 100_000

    public var booking: Booking
    /// Where it is.
    public var original: Assignment
    /// Where it may go instead, by start slot (same resource and instructors).
    public var makeUpStarts: [Int]
}
