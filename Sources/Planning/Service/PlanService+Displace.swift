// Publishing a displacement (docs/planner.md "Displacement and make-up"), inside publish's transaction:
//
//   recheck ← each displaced booking as the run read it (version, time), else 409; its make-up
//             checked against the center's calendar as a booking there would be (a closure or holiday
//             added since the run, opening hours changed: 409); the center mapped with it at its
//             make-up, so the proposal is checked against the make-ups
//   write   ← each displaced booking locked and moved to its make-up (PostgreSQL's exclusion
//             constraints referee; a refusal is a 409 and rolls everything back), one audit row
//             (`displace`), one booking_displacements row, one notice to its organization

import Access
import Database
import Domain
import Foundation
import Repositories
import Service

extension CenterSnapshot {
    /// Moves the bookings a proposal displaces to their make-ups.
    /// - Throws: ``ServiceError/conflict(_:rule:)`` when one changed since the run, or the calendar no longer lets
    ///   it take place at its make-up.
    mutating func moveToMakeUps(_ displacements: [Displacement]) throws {
        for displacement in displacements {
            guard let index = bookings.firstIndex(where: { $0.id == displacement.bookingId }),
                bookings[index].version == displacement.version, bookings[index].start == displacement.was.start,
                bookings[index].end == displacement.was.end
            else {
                throw ServiceError.conflict(
                    "The confirmed booking “\(displacement.title)” the plan displaces changed since the run; run the plan again.",
                    rule: "displacedChanged")
            }
            do throws(DomainError) {
                try calendar.check(
                    start: displacement.makeUp.start, end: displacement.makeUp.end, category: bookings[index].category,
                    timeZone: center.zone, pilotThroughClosures: policy.pilotRunsThroughClosures ?? false)
            } catch {
                throw ServiceError.conflict(
                    "The make-up of “\(displacement.title)” can no longer take place: \(error.message) Run the plan again.",
                    rule: "makeUpClosed")
            }
            (bookings[index].start, bookings[index].end) = (displacement.makeUp.start, displacement.makeUp.end)
        }
    }
}

extension PlanService {
    /// Moves each displaced booking to its make-up (see above).
    static func displace(
        _ plan: Plan, _ displacements: [Displacement], by actor: AuditActor, on connection: Connection
    ) throws {
        guard !displacements.isEmpty, let center = try CenterRepository().find(id: plan.centerId, on: connection)
        else { return }
        let bookings = BookingRepository()
        for displacement in displacements {
            guard let booking = try bookings.lock(id: displacement.bookingId, on: connection),
                booking.version == displacement.version, booking.status == .confirmed
            else {
                throw ServiceError.conflict(
                    "The confirmed booking “\(displacement.title)” the plan displaces changed since the run; run the plan again.",
                    rule: "displacedChanged")
            }
            var moved = booking
            (moved.start, moved.end, moved.version) =
                (displacement.makeUp.start, displacement.makeUp.end, booking.version + 1)
            do {
                _ = try connection.withSavepoint { try $0.run(bookings.moving(moved, from: booking.version)) }
            } catch let error as DatabaseError {
                guard let refusal = BookingRefusal(error) else { throw error }
                throw ServiceError.conflict(
                    "The make-up of “\(booking.title)” is no longer free (\(refusal.sentence)); run the plan again.",
                    rule: "makeUpTaken")
            }
            try AuditLog().record(
                actor, action: "displace", entity: "booking", id: booking.id.uuidString, before: booking, after: moved,
                on: connection)
            try DisplacementRepository().record(displacement, planId: plan.id, centerId: plan.centerId, on: connection)
            try NoticeRepository().write(
                .bookingDisplaced(from: booking, to: moved, reason: reason(displacement), timeZone: center.zone),
                on: connection)
        }
    }

    /// "Displaced by pilot production; this is its make-up, within 14 days." in both languages.
    private static func reason(_ displacement: Displacement) -> LocalizedText {
        LocalizedText(
            en: "its time was given to \(displacement.by.map(\.englishName).joined(separator: ", ")) "
                + "under the center's priority rule; this is its make-up (plan published by the center).",
            zh: "按中心的优先规则，原时段让给了\(displacement.by.map(\.chineseName).joined(separator: "、"))；"
                + "这是为其安排的补课时段（中心发布的排课方案）。")
    }
}
