import Access
public import Database
public import Dates
import Domain
public import Foundation
import Repositories

/// A generated consortium-scale term for measuring the planner (`praxis seed --city`,
/// `scripts/bench-planner --city`): one center holding what a city's practice centers hold —
/// ten trades, each with a workshop of station pools and machines, twenty theory rooms, 110
/// instructors, twelve schools with 140 classes (each free on four half-days of the week, 20 minutes
/// away) training weekly for 16 weeks over the spring term with its official holidays, and ten
/// enterprises' evening upskilling: 2,320 sessions.
///
/// The term is generated from its indices alone, so every load is the same. Loading twice
/// changes nothing.
public struct CityTerm: Sendable {
    let database: Database

    /// The center's name: how a second load knows the first happened.
    public static let name = "潍坊市产教联合体全市实训排课（生成数据）"
    /// The first teaching day and the number of teaching weeks.
    public static let firstDay = CalendarDate(year: 2026, month: 3, day: 2)!
    public static let weeks = 16
    static let trades = [
        "cnc.lathe", "cnc.mill", "cnc.5axis", "welding.manual", "welding.robot", "plc", "robot.industrial",
        "fitting", "electrician", "printing.3d",
    ]
    static let schools = 12
    static let classes = 140
    static let instructorsPerTrade = 11
    static let enterprises = 10

    public init(database: Database) {
        self.database = database
    }

    /// Loads the term unless it is there, in one transaction; returns the center's id and whether
    /// it was created now.
    public func load() async throws -> (centerId: UUID, created: Bool) {
        try await database.withTransaction { connection in
            if let existing = try CenterRepository().id(named: Self.name, on: connection) { return (existing, false) }
            return (try create(on: connection), true)
        }
    }

    private func create(on connection: Connection) throws -> UUID {
        let (organizations, centers) = (OrganizationService(database: database), CenterService(database: database))
        let operatorOrg = try organizations.create(
            name: "潍坊市产教联合体（生成）", kind: .centerOperator, as: .system, on: connection)
        let center = try centers.create(
            NewCenter(name: Self.name, operatorId: operatorOrg.id), on: connection, as: .system)
        try DemoCenter.calendar(center.id, on: connection)
        try DemoCenter.officialHolidays(on: connection)
        try DemoCenter.catalogue(center.id, with: CatalogueService(database: database), on: connection)
        let pools = try Self.resources(center.id, with: centers, on: connection)
        let schools = try (0..<Self.schools).map { index in
            try organizations.create(
                name: "生成职业学校\(index + 1)",
                kind: index % 2 == 0 ? .secondaryVocationalSchool : .higherVocationalCollege, as: .system,
                on: connection)
        }
        try Self.instructors(center.id, schools: schools, with: organizations, on: connection)
        let requests = RequestService(database: database)
        try Self.training(center.id, schools: schools, pools: pools, with: organizations, requests, on: connection)
        try Self.upskilling(center.id, with: organizations, requests, on: connection)
        return center.id
    }
}
