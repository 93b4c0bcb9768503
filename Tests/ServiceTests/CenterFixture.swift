import Access
import Database
import Domain
import Foundation
import Service
import TestSupport

/// A fresh center with a workshop holding two machines, a pilot line, a 4-station pool, an
/// operator and a school: every test gets its own, so tests can run in parallel on one database.
struct CenterFixture {
    let db: Database
    let center: Center
    let school: Organization
    let workshop: Resource
    let lathe: Resource
    let mill: Resource
    let pilotLine: Resource
    let pool: Resource

    init(_ db: Database) async throws {
        self.db = db
        let tag = UUID().uuidString.prefix(8)
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营方 \(tag)", kind: .centerOperator, as: .system)
        school = try await organizations.create(name: "职业学院 \(tag)", kind: .higherVocationalCollege, as: .system)
        center = try await centers.create(NewCenter(name: "实践中心 \(tag)", operatorId: operatorOrg.id), as: .system)
        try await TestDatabase.catalogue(["cnc.lathe", "cnc.5axis", "welding.robot", "plc"], in: center.id, on: db)
        workshop = try await centers.addResource(
            NewResource(kind: .workshop, name: "数控车间", seats: 60), to: center.id, as: .system)
        lathe = try await centers.addResource(
            NewResource(
                kind: .equipmentLine, name: "数控车床", capabilities: ["cnc.lathe"], seats: 1, parentId: workshop.id),
            to: center.id, as: .system)
        mill = try await centers.addResource(
            NewResource(
                kind: .equipmentLine, name: "五轴加工中心", capabilities: ["cnc.5axis"], seats: 1, parentId: workshop.id),
            to: center.id, as: .system)
        pilotLine = try await centers.addResource(
            NewResource(kind: .equipmentLine, name: "中试线", seats: 1), to: center.id, as: .system)
        pool = try await centers.addResource(
            NewResource(kind: .workstationPool, name: "工业机器人工作站", seats: 4), to: center.id, as: .system)
    }

    /// A manager of the center with an account of their own, so that the audit rows of their
    /// changes name them.
    func manager() async throws -> Principal {
        let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "manager-\(UUID().uuidString.prefix(8).lowercased())", displayName: "中心管理员",
                organizationId: school.id, password: nil, roles: [RoleGrant(role: .centerManager, centerId: center.id)]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }

    /// 2026-03-02 (a Monday) at `hour`:`minute` in Shanghai.
    static func time(_ hour: Int, _ minute: Int = 0, day: Int = 2) -> Date {
        let midnight = 1_772_380_800  // 2026-03-02T00:00:00+08:00
        let seconds: Int = (day - 2) * 86_400 + hour * 3600 + minute * 60
        return Date(timeIntervalSince1970: TimeInterval(midnight + seconds))
    }

    func booking(
        _ resources: [Booking.Use], from: Int, to: Int, category: Category = .studentTraining, title: String = "数控实训",
        instructorId: UUID? = nil, cohortIds: [UUID]? = nil
    ) -> NewBooking {
        NewBooking(
            organizationId: school.id, category: category, title: title, start: Self.time(from), end: Self.time(to),
            resources: resources, instructorId: instructorId, cohortIds: cohortIds)
    }

    /// Requires `minutes` of changeover on equipment lines from one category to another, through
    /// the center's policy.
    func changeover(_ from: Category, _ to: Category, minutes: Int) async throws {
        let policies = PolicyService(database: db)
        var policy = try await policies.policy(of: center.id, as: .system)
        policy.changeovers.append(
            ChangeoverRule(resourceKind: .equipmentLine, fromCategory: from, toCategory: to, minutes: minutes))
        _ = try await policies.replace(policy, of: center.id, version: policy.version ?? 0, as: .system)
    }
}
