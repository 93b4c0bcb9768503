import Access
public import Database
import Dates
import Domain
public import Foundation
import Repositories

/// Loads a realistic intelligent-manufacturing practice center for people to try Praxis on:
/// workshops and machines, three schools with classes, two large enterprises, six SMEs, twenty-four
/// instructors of both affiliations, a class in groups with two teachers per group, and a spring term of requests in all four categories that
/// asks a little more than the center can give; class rosters and last week's attendance and outcomes. Loading twice changes nothing.
public struct DemoCenter: Sendable {
    let database: Database

    /// The demo center's name: how a second load knows the first happened.
    public static let name = "潍坊智能制造产教融合实践中心"

    public init(database: Database) {
        self.database = database
    }

    /// Loads the demo unless it is there, all in one transaction (a failure leaves nothing);
    /// returns the center's id and whether it was created now.
    public func load() async throws -> (centerId: UUID, created: Bool) {
        let services = Services(database: database)
        return try await database.withTransaction { connection in
            if let existing = try CenterRepository().id(named: Self.name, on: connection) { return (existing, false) }
            return (try services.createDemo(on: connection), true)
        }
    }

    /// The use cases the demo goes through as ``Principal/system``, so it obeys the same rules as
    /// any caller.
    struct Services: Sendable {
        let organizations: OrganizationService
        let centers: CenterService
        let requests: RequestService
        let catalogue: CatalogueService
        let attendance: AttendanceService
        let participants: ParticipantService
        let quotas: QuotaService
        let courses: SharedCourseService

        init(database: Database) {
            organizations = OrganizationService(database: database)
            centers = CenterService(database: database)
            requests = RequestService(database: database)
            catalogue = CatalogueService(database: database)
            attendance = AttendanceService(database: database)
            participants = ParticipantService(database: database)
            quotas = QuotaService(database: database)
            courses = SharedCourseService(database: database)
        }

        func createDemo(on connection: Connection) throws -> UUID {
            let operatorOrg = try organizations.create(
                name: "潍坊市产教联合体运营中心", kind: .centerOperator, as: .system, on: connection)
            let center = try centers.create(
                NewCenter(name: DemoCenter.name, operatorId: operatorOrg.id), on: connection, as: .system)
            try DemoCenter.calendar(center.id, on: connection)
            try DemoCenter.catalogue(center.id, with: catalogue, on: connection)
            try DemoCenter.officialHolidays(on: connection)
            let springTerm = try DemoCenter.term(center.id, on: connection)
            try DemoCenter.periods(center.id, on: connection)
            var resources: [String: UUID] = [:]
            for item in Catalogue.resources + Capabilities.resources {
                let input = NewResource(
                    kind: item.kind, name: item.name, capabilities: item.capabilities, seats: item.seats,
                    parentId: item.parent.flatMap { resources[$0] })
                resources[item.name] = try centers.addResource(input, to: center.id, on: connection, as: .system).id
            }
            var orgs: [String: Organization] = [:]
            for (name, kind) in Catalogue.organizations {
                orgs[name] = try organizations.create(name: name, kind: kind, as: .system, on: connection)
            }
            let cohorts = try DemoCenter.people(center.id, orgs, with: organizations, on: connection)
            try DemoCenter.edits(center.id, with: organizations, on: connection)
            try Products(centerId: center.id, orgs: orgs, resources: resources, services: self, now: Date())
                .offer(on: connection)
            let term = Term(
                centerId: center.id, operatorId: operatorOrg.id, orgs: orgs, cohorts: cohorts,
                pilotLine: resources["智能产线中试线"]!, resources: resources, springTerm: springTerm)
            try term.submit(with: requests, on: connection)
            try Groups(centerId: center.id, orgs: orgs, services: self).submit(on: connection)
            try term.submitInPeriods(with: requests, on: connection)
            try Attendance(
                centerId: center.id, orgs: orgs, cohorts: cohorts, resources: resources, services: self, now: Date()
            ).record(on: connection)
            try DemoCenter.secondCenter(
                operatorId: operatorOrg.id, orgs: orgs, cohorts: cohorts, services: self, on: connection)
            try DemoCenter.quotas(center.id, orgs: orgs, resources: resources, with: quotas, on: connection)
            try DemoCenter.pilotRun(
                center.id, orgs: orgs, resources: resources, now: Date(), with: requests, on: connection)
            try DemoCenter.summerDisplacement(
                center.id, orgs: orgs, cohorts: cohorts, resources: resources, with: requests, on: connection)
            return center.id
        }
    }

    /// Opening hours (weekdays 08:00–21:30, Saturdays 08:00–17:00) and the category policy:
    /// changeover rules, pilot production held to a fifth of capacity hours and shared-employee
    /// courses to a third, fairness between organizations weighed ten times, and pilot production
    /// put before students' training with a make-up within 14 days.
    static func calendar(_ centerId: UUID, on connection: Connection) throws {
        let week = (1...6).map {
            OpeningHours(
                weekday: $0, opens: ClockTime(text: "08:00")!, closes: ClockTime(text: $0 == 6 ? "17:00" : "21:30")!)
        }
        try CalendarRepository().replaceOpeningHours(week, centerId: centerId, on: connection)
        var policy = CenterPolicy(
            shares: [
                CategoryShare(category: .pilotProduction, minPercent: 0, maxPercent: 20),
                CategoryShare(category: .sharedEmployee, minPercent: 0, maxPercent: 33),
            ],
            changeovers: Catalogue.changeovers.map {
                ChangeoverRule(resourceKind: .equipmentLine, fromCategory: $0.0, toCategory: $0.1, minutes: $0.2)
            })
        policy.weights[.organizationFairness] = 10
        policy.displacement = DisplacementRule(
            by: [.pilotProduction], displaces: [.studentTraining], makeUpWithinDays: 14)
        try policy.validate()
        _ = try PolicyRepository().replace(policy, centerId: centerId, on: connection)
    }

    /// Classes of the schools (with their free times and travel) and groups of the enterprises,
    /// then twenty instructors.
    static func people(
        _ centerId: UUID, _ orgs: [String: Organization], with service: OrganizationService, on connection: Connection
    ) throws -> [String: UUID] {
        var cohorts: [String: UUID] = [:]
        for (org, name, size) in Catalogue.cohorts {
            cohorts[name] = try service.addCohort(
                NewCohort(name: name, size: size, availability: Catalogue.classAvailability[name]), to: orgs[org]!.id,
                as: .system, on: connection
            ).id
        }
        for (index, instructor) in Catalogue.instructors.enumerated() {
            let evenings = instructor.org.contains("集团")
            let input = NewInstructor(
                organizationId: orgs[instructor.org]!.id, name: instructor.name,
                postType: index % 3 == 0 ? .flexible : .fixed,
                weeklyHourCap: evenings ? 12 : 24,
                skills: (instructor.skills + Capabilities.extraSkills[instructor.name, default: []]).map {
                    .init(skill: $0, expiresOn: CalendarDate(iso: "2028-12-31"))
                },
                availability: (1...5).map {
                    .init(
                        weekday: $0, from: ClockTime(text: evenings ? "17:30" : "08:00")!,
                        to: ClockTime(text: evenings ? "21:30" : "17:30")!)
                })
            _ = try service.addInstructor(input, to: centerId, as: .system, on: connection)
        }
        return cohorts
    }
}
