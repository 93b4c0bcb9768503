import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// This week's pilot run, booked as the planner would publish it: an enterprise's five days in three
    /// 8-hour shifts from Monday 06:00 on the five-axis machining center with a 3D printer beside it, the
    /// machining workshop its own (exclusive hall), an hour's changeover before and two after.
    static func pilotRun(
        _ centerId: UUID, orgs: [String: Organization], resources: [String: UUID], now: Date,
        with service: RequestService,
        on connection: Connection
    ) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let today = calendar.startOfDay(for: now)
        let monday = calendar.date(
            byAdding: .day, value: -((calendar.component(.weekday, from: today) + 5) % 7), to: today)!
        let parts = calendar.dateComponents([.year, .month, .day], from: monday)
        let first = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        let details = PilotProductionDetails(
            resourceId: resources["五轴加工中心"]!, days: 5, earliestStart: first, latestStart: first,
            changeoverBeforeMinutes: 60, changeoverAfterMinutes: 120,
            shifts: PilotShifts(pattern: .threeEight, firstStart: ClockTime(text: "06:00")!),
            extraResources: [.init(resourceId: resources["3D 打印机 1"]!)], exclusiveHall: true)
        let enterprise = orgs["潍海动力装备集团"]!.id
        let request = try service.create(
            NewRequest(
                organizationId: enterprise, title: "叶轮新品三班连续中试", details: .pilotProduction(details), submit: true),
            in: centerId, as: .system, on: connection)
        for piece in details.pieces ?? [] {
            let midnight = calendar.date(byAdding: .day, value: piece.day, to: monday)!
            for resource in [details.resourceId!, resources["3D 打印机 1"]!] {
                let input = NewBooking(
                    organizationId: enterprise, requestId: request.id, category: .pilotProduction,
                    title: request.title,
                    start: midnight.addingTimeInterval(TimeInterval(piece.minutes.lowerBound * 60)),
                    end: midnight.addingTimeInterval(TimeInterval(piece.minutes.upperBound * 60)),
                    resources: [.init(resourceId: resource)])
                let booking = BookingRepository.confirmed(input, title: request.title, centerId: centerId)
                try connection.run(BookingRepository().insertion(of: booking))
            }
        }
    }
}
