import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// Priorities and make-up in the summer break: 机电2401班's confirmed visit to the pilot line on
    /// Monday 13 July 08:30–11:30, and an enterprise's urgent one-day prototype run that can only take
    /// that Monday. The center's rule lets pilot production displace students' training with a make-up
    /// within 14 days, so a run of that week moves the visit to Wednesday (the class is free on Monday
    /// and Wednesday mornings) and tells the school.
    static func summerDisplacement(
        _ centerId: UUID, orgs: [String: Organization], cohorts: [String: UUID], resources: [String: UUID],
        with service: RequestService, on connection: Connection
    ) throws {
        let line = resources["智能产线中试线"]!
        let local = { (text: String) in ISO8601DateFormatter().date(from: "2026-07-13T\(text):00+08:00")! }
        let visit = NewBooking(
            organizationId: orgs["潍坊职业学院"]!.id, category: .studentTraining, title: "机电2401班 暑期智能产线认知实习",
            start: local("08:30"), end: local("11:30"),
            resources: [.init(resourceId: line)], cohortIds: [cohorts["机电2401班"]!])
        try connection.run(
            BookingRepository().insertion(
                of: BookingRepository.confirmed(visit, title: visit.title, centerId: centerId)))
        _ = try service.create(
            NewRequest(
                organizationId: orgs["潍海动力装备集团"]!.id, title: "暑期样机试制（急单）",
                details: .pilotProduction(
                    PilotProductionDetails(
                        resourceId: line, days: 1, earliestStart: CalendarDate(iso: "2026-07-13")!,
                        latestStart: CalendarDate(iso: "2026-07-13")!)),
                submit: true),
            in: centerId, as: .system, on: connection)
    }
}
