public import Dates
public import Foundation

/// An instructor's certificate (a certified skill) that lapses soon: what a certificate reminder
/// tells the instructor's organization and the center's managers.
public struct ExpiringCertificate: Sendable, Equatable {
    public var instructorId: UUID
    public var instructorName: String
    public var centerId: UUID
    /// The instructor's affiliation, whose coordinators are told.
    public var organizationId: UUID
    public var skill: String
    public var expiresOn: CalendarDate

    public init(
        instructorId: UUID, instructorName: String, centerId: UUID, organizationId: UUID, skill: String,
        expiresOn: CalendarDate
    ) {
        self.instructorId = instructorId
        self.instructorName = instructorName
        self.centerId = centerId
        self.organizationId = organizationId
        self.skill = skill
        self.expiresOn = expiresOn
    }

    /// Days before expiry at which a reminder is sent: a month ahead, then a week ahead.
    public static let thresholds = [30, 7]

    /// The threshold a reminder on `today` belongs to: the smallest one at or above the days left
    /// (so a job that missed days sends one reminder, not every one it missed); `nil` when the
    /// certificate lapsed already or lapses later than every threshold.
    public func threshold(on today: CalendarDate) -> Int? {
        let left = daysLeft(on: today)
        guard left >= 0 else { return nil }
        return Self.thresholds.filter { $0 >= left }.min()
    }

    /// Whole days from `today` to the expiry date (0 on the day it lapses).
    public func daysLeft(on today: CalendarDate) -> Int {
        expiresOn.daysSinceEpoch - today.daysSinceEpoch
    }
}
