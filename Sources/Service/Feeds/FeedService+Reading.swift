import Access
import Database
import Domain
public import Foundation
import Repositories

extension FeedService {
    /// The feed whose URL holds `secret`, from eight weeks back to twenty-six ahead, shown as its
    /// owner may read it now: a role taken away stops it showing what the role let them read.
    /// - Parameter host: the host the feed is served from: every event's `UID` ends with it.
    /// - Throws: ``ServiceError/notFound(entity:)`` for an unknown or revoked secret, a disabled
    ///   owner, or a subject the owner may no longer read.
    public func feed(secret: String, host: String) async throws -> FeedDocument {
        let (feeds, now) = (feeds, now())
        let (from, to) = (
            now.addingTimeInterval(-Double(Self.weeksBack) * 604_800),
            now.addingTimeInterval(Double(Self.weeksAhead) * 604_800)
        )
        return try await database.reading { connection in
            guard let (subscription, owner) = try feeds.find(secretDigest: Secret.digest(secret), on: connection),
                let subject = subscription.subject
            else { throw ServiceError.notFound(entity: "feed") }
            let reading = try Self.reading(subject, as: owner, on: connection)
            let rows = try TimetableRepository().feedRows(
                of: subject.timetable, teachers: owner.instructorIds, from: from, to: to, at: reading.centers, now: now,
                limit: Self.eventLimit, on: connection)
            let shown = try BookingDisclosure(owner).show(rows.map(\.entry), to: reading.audience, on: connection)
            let zone = try feeds.timeZone(
                centerId: reading.centerId, organizationId: reading.organizationId, on: connection)
            let calendar = CalendarFeed(
                name: subscription.name, zone: zone.flatMap(TimeZone.init(identifier:)) ?? Self.defaultZone, from: from,
                to: to, host: host, events: zip(rows, shown).map { Self.event($0, shown: $1) })
            return FeedDocument(text: calendar.text())
        }
    }

    /// The zone of a feed whose subject has no center and no bookings yet.
    public static let defaultZone = TimeZone(identifier: "Asia/Shanghai")!

    /// What the owner reads of the subject, and where the feed's zone comes from.
    private struct Reading {
        var centers: Set<UUID>?
        var audience: Audience
        var centerId: UUID?
        var organizationId: UUID?
    }

    /// Authorizes the owner's read of the subject as the timetables do; a `mine` feed reads the
    /// sessions the owner teaches, in full.
    private static func reading(
        _ subject: FeedSubject, as owner: Principal, on connection: Connection
    ) throws -> Reading {
        let timetables = TimetableRepository()
        guard let timetable = subject.timetable else {
            guard let first = owner.instructorIds.min(by: { $0.uuidString < $1.uuidString }) else {
                throw ServiceError.notFound(entity: "feed")
            }
            let place = try timetables.owner(of: .instructor(first), on: connection)
            return Reading(centers: nil, audience: .center, centerId: place?.centerId, organizationId: nil)
        }
        guard let place = try timetables.owner(of: timetable, on: connection) else {
            throw ServiceError.notFound(entity: "feed")
        }
        do {
            let read = try TimetableService.reading(timetable, place, as: owner, on: connection)
            return Reading(
                centers: read.centers, audience: read.audience, centerId: place.centerId,
                organizationId: place.organizationId)
        } catch ServiceError.forbidden, ServiceError.notFound {
            throw ServiceError.notFound(entity: "feed")
        }
    }

    /// A session as the feed sends it.
    private static func event(_ row: FeedRow, shown entry: TimetableEntry) -> FeedEvent {
        let instructors = [entry.instructor, entry.secondInstructor].compactMap { $0 }
        var description: [String] = []
        if let organization = entry.organization { description.append("机构 / Organization: \(organization.name)") }
        if let cohorts = entry.cohorts, !cohorts.isEmpty {
            description.append("班级 / Class: \(cohorts.map(\.name).joined(separator: ", "))")
        }
        if !instructors.isEmpty {
            description.append("教师 / Instructor: \(instructors.map(\.name).joined(separator: ", "))")
        }
        if let group = entry.group { description.append("第\(group.number)组 / Group \(group.number) of \(group.count)") }
        let id = row.entry.bookingId!.uuidString.lowercased()
        let uid =
            entry.occupied
            ? "occupied-" + Secret.sha256(Array(id.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined() : id
        return FeedEvent(
            uid: uid, sequence: max(row.version - 1, 0), changedAt: row.changedAt,
            start: entry.start, end: entry.end, summary: entry.occupied ? FeedEvent.occupied : entry.title ?? "",
            location: entry.resources.map(\.name), description: description, instructors: instructors,
            cancelled: row.cancelled)
    }
}
