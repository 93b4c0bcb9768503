import Access
import Database
import Dates
import Domain
import Foundation
import Service

/// ``AttendanceFixture``'s center with evidence: the class's session on the lathe (08:00–10:00 on
/// Monday 2 March 2026) marked by its instructor (one late, one absent, the absence corrected to
/// present by a manager) and held 08:10–09:40; a session on the mill marked then cancelled; a
/// session on the lathe (16:00–18:00) that did not take place (equipment failure); and an
/// enterprise's pilot run on the pilot line on Tuesday, 08:00–18:00.
struct ReportFixture {
    let attendance: AttendanceFixture
    let manager: Principal
    let enterprise: Organization
    let sme: Organization
    let notHeld: Booking
    let pilot: Booking

    /// Monday 2 March to Sunday 8 March 2026.
    static let week = try! ReportFilter(from: CalendarDate(iso: "2026-03-02")!, to: CalendarDate(iso: "2026-03-08")!)

    var centerId: UUID { attendance.center.center.id }

    init(_ db: Database) async throws {
        attendance = try await AttendanceFixture(db)
        let center = attendance.center
        manager = try await center.manager()
        let marks = AttendanceService(database: db)
        let students = attendance.students
        _ = try await marks.mark(
            AttendanceMarks(
                allPresent: true,
                marks: [
                    .init(participantId: students[1].id, mark: .late),
                    .init(participantId: students[2].id, mark: .absent),
                ]),
            session: attendance.session.id, now: AttendanceFixture.at(8, 5), as: attendance.instructorCaller)
        let corrected = try await marks.correct(
            AttendanceCorrection(participantId: students[2].id, mark: .present, reason: "病假条有误，实际到场"),
            session: attendance.session.id, as: manager)
        _ = try await marks.report(
            SessionReport(actualStart: AttendanceFixture.at(8, 10), actualEnd: AttendanceFixture.at(9, 40)),
            session: attendance.session.id, version: corrected.record.version, as: manager)

        let bookings = BookingService(database: db)
        let cancelled = try await bookings.book(
            center.booking([.init(resourceId: center.mill.id)], from: 13, to: 15, cohortIds: [attendance.cohort.id]),
            in: center.center.id, as: .system)
        _ = try await marks.mark(
            AttendanceMarks(allPresent: true), session: cancelled.id, now: CenterFixture.time(13, 5), as: manager)
        _ = try await bookings.cancel(cancelled.id, version: cancelled.version, as: .system)

        notHeld = try await bookings.book(
            center.booking(
                [.init(resourceId: center.lathe.id)], from: 16, to: 18, instructorId: attendance.instructor.id,
                cohortIds: [attendance.cohort.id]), in: center.center.id, as: .system)
        _ = try await marks.report(
            SessionReport(notHeld: .init(reason: .equipmentFailure)), session: notHeld.id, version: 0, as: manager)

        let organizations = OrganizationService(database: db)
        enterprise = try await organizations.create(
            name: "中试企业 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
        sme = try await organizations.create(name: "小微企业 \(UUID().uuidString.prefix(6))", kind: .sme, as: .system)
        pilot = try await bookings.book(
            NewBooking(
                organizationId: enterprise.id, category: .pilotProduction, title: "新工艺中试",
                start: CenterFixture.time(8, day: 3), end: CenterFixture.time(18, day: 3),
                resources: [.init(resourceId: center.pilotLine.id)], instructorId: nil, cohortIds: nil),
            in: center.center.id, as: .system)
    }
}
