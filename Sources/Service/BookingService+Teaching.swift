import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension BookingService {
    /// A person's booking keeps the planner's rules for the work it serves and who teaches it: a
    /// booking of a request uses a resource offering the request's capability (itself or a machine
    /// inside it); each instructor named holds the request's skills with certificates valid on the
    /// booking's day, is available then and stays under their weekly cap. The system is not held to
    /// them (it records what happened).
    /// - Parameter moving: the booking being moved, whose own hours do not count against the cap.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `resources` (rule `capability`), `instructorId` or
    ///   `secondInstructorId` (rules `instructorSkills`, `instructorAvailability`, `weeklyCap`).
    func checkTeaching(
        of input: NewBooking, center: Center, calendar: TermCalendar, resources found: [UUID: Resource],
        as caller: Principal, moving: UUID?, on connection: Connection
    ) throws {
        guard !caller.isSystem else { return }
        let details = try input.requestId.flatMap { try requests.find(id: $0, on: connection) }?.details
        if let capability = details?.resourceCapability {
            try checkCapability(capability, of: input, in: center.id, found: found, on: connection)
        }
        let zone = center.zone
        let local = input.start.addingTimeInterval(Double(zone.secondsFromGMT(for: input.start)))
        let day = CalendarDate(utcDayOf: local)
        let minute = Int(local.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)) / 60
        let span = minute..<(minute + Int(input.end.timeIntervalSince(input.start)) / 60)
        // the ISO week's local Monday 00:00 (an offset that changes within the week is not seen)
        let weekStart = Date(
            timeIntervalSince1970: Double(day.monday.daysSinceEpoch * 86_400 - zone.secondsFromGMT(for: input.start)))
        for (field, id) in [("instructorId", input.instructorId), ("secondInstructorId", input.secondInstructorId)] {
            guard let id, let instructor = try people.instructor(id: id, on: connection) else { continue }
            let taught = try bookings.instructorHours(
                id, from: weekStart, to: weekStart.addingTimeInterval(7 * 86_400), except: moving, on: connection)
            do throws(DomainError) {
                try instructor.checkTeaching(
                    field: field, skills: details?.instructorSkills ?? [], day: day,
                    weekday: calendar.timetableWeekday(on: day) ?? day.isoWeekday, span: span,
                    hours: input.end.timeIntervalSince(input.start) / 3600, hoursThatWeek: taught)
            } catch { throw ServiceError.invalid(error) }
        }
    }

    /// One booked resource, or a resource inside one, offers `capability`.
    private func checkCapability(
        _ capability: String, of input: NewBooking, in centerId: UUID, found: [UUID: Resource],
        on connection: Connection
    ) throws {
        let booked = Set(input.resources.map(\.resourceId))
        if booked.contains(where: { found[$0]?.capabilities.contains(capability) == true }) { return }
        let all = try resources.list(centerId: centerId, limit: 10_000, offset: 0, on: connection)
        let parents = Dictionary(all.map { ($0.id, $0.parentId) }) { first, _ in first }
        func isInside(_ id: UUID) -> Bool {
            var current = parents[id] ?? nil
            while let parent = current {
                if booked.contains(parent) { return true }
                current = parents[parent] ?? nil
            }
            return false
        }
        guard !all.contains(where: { $0.capabilities.contains(capability) && isInside($0.id) }) else { return }
        throw ServiceError.invalid(
            DomainError(
                field: "resources", rule: "capability",
                message: "The request needs \(capability); no booked resource (nor any machine inside one) offers it."))
    }
}
