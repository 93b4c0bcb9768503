import Dates
import Domain
import Foundation
import Testing

@Suite("Notice texts")
struct NoticeTextTests {
    @Test("a cancelled session's start reads in the center's time zone, in each language")
    func cancelledInCenterTime() throws {
        // 2026-03-02 00:30 UTC is Monday 08:30 in Shanghai
        let start = try #require(ISO8601DateFormatter().date(from: "2026-03-02T00:30:00Z"))
        let booking = Booking(
            id: UUID(), centerId: UUID(), organizationId: UUID(), category: .studentTraining, title: "数控车削",
            start: start, end: start.addingTimeInterval(5400), resources: [], instructorId: nil, participants: 20,
            cohortIds: [], status: .cancelled, version: 2)
        let draft = NoticeDraft.bookingCancelled(booking, zone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        #expect(draft.body.en == "The session “数控车削” starting Mon 2 Mar 2026, 08:30 was cancelled.")
        #expect(draft.body.zh == "2026年3月2日（周一） 08:30 开始的课次“数控车削”已取消。")
        let utc = NoticeDraft.bookingCancelled(booking, zone: .gmt)
        #expect(utc.body.en.contains("Mon 2 Mar 2026, 00:30"))
    }

    @Test("a certificate reminder belongs to the smallest threshold at or above the days left")
    func thresholds() throws {
        let expires = try #require(CalendarDate(iso: "2026-04-30"))
        let certificate = ExpiringCertificate(
            instructorId: UUID(), instructorName: "赵师傅", centerId: UUID(), organizationId: UUID(), skill: "cnc.lathe",
            expiresOn: expires)
        let daysBefore = [45, 31, 30, 8, 7, 1, 0, -1]
        #expect(
            daysBefore.map { certificate.threshold(on: expires.adding(days: -$0)) } == [
                nil, nil, 30, 30, 7, 7, 7, nil,
            ])
    }

    @Test("a schedule's runs fall at the start of each period, keyed by it")
    func scheduleSlots() throws {
        let schedule = Schedule(kind: .courseDecisions, period: .seconds(3600))
        let now = try #require(ISO8601DateFormatter().date(from: "2026-03-02T08:59:59Z"))
        let due = schedule.dueTime(at: now)
        #expect(schedule.dedupKey(for: due) == "2026-03-02T08:00:00Z")
        #expect(schedule.dueTime(at: now.addingTimeInterval(1)) == due.addingTimeInterval(3600))
    }
}
