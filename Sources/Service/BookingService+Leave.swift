import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension BookingService {
    /// A booking naming an instructor may not fall on a day of their leave (local days of the
    /// center, from the booking's start to its end).
    /// - Throws: ``ServiceError/invalid(_:)`` naming `instructorId` with rule `onLeave`.
    func checkLeave(of input: NewBooking, timeZone: TimeZone, on connection: Connection) throws {
        guard let instructorId = input.instructorId else { return }
        let localDay = { (instant: Date) in
            CalendarDate(utcDayOf: instant.addingTimeInterval(Double(timeZone.secondsFromGMT(for: instant))))
        }
        let first = localDay(input.start)
        let last = max(first, localDay(input.end.addingTimeInterval(-1)))
        guard try people.isOnLeave(instructorId, during: first...last, on: connection) else { return }
        throw ServiceError.invalid(
            DomainError(
                field: "instructorId", rule: "onLeave",
                message:
                    "The instructor is on leave on \(first == last ? "\(first)" : "\(first)–\(last)"); choose another.")
        )
    }
}
