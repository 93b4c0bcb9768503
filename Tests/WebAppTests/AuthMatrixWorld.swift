import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Planning
import Service
import TestSupport
import Testing

/// The world the access matrix runs in: two centers, a school and an enterprise with a cohort,
/// a request and a booking each (the school's taught by an instructor of the school), a
/// maintenance window, and one account with a token per role.
struct AuthMatrixWorld: Sendable {
    /// The callers of the matrix.
    enum Caller: String, CaseIterable, Sendable {
        case admin, auditor, manager, otherManager, school, enterprise, instructor
    }

    /// Whose object a request is about.
    enum Side: Sendable, Hashable {
        case none, school, enterprise
    }

    let tag: String
    let center: UUID
    let otherCenter: UUID
    let machine: UUID
    let organization: [Side: UUID]
    let cohort: [Side: UUID]
    let request: [Side: UUID]
    let booking: [Side: UUID]
    let instructor: UUID
    /// A planner run of the center, finished.
    let plan: UUID
    /// A term of the center (autumn 2031).
    let term: UUID
    let schoolUser: UUID
    let adminSpareToken: UUID
    let tokens: [Caller: String]
    /// Names and titles of each side that no one outside it (and its center's managers) may read.
    let names: [Side: [String]]
    /// The other organizations around the two sides, and the pilot run.
    let bystanders: AuthMatrixBystanders

    /// Names, titles and ids `caller` must never receive: every detail of the organizations it may
    /// not see, and of the center's work to a manager of another center.
    func foreign(for caller: Caller) -> [String] {
        let side: [Side: [String]] = [
            .school: names[.school]!
                + [organization[.school]!, cohort[.school]!, request[.school]!, booking[.school]!].map(\.uuidString),
            .enterprise: names[.enterprise]! + [bystanders.pilotTitle]
                + [
                    organization[.enterprise]!, cohort[.enterprise]!, request[.enterprise]!, booking[.enterprise]!,
                    bystanders.pilotBooking,
                ].map(\.uuidString),
        ]
        let others = bystanders.names + bystanders.ids.map(\.uuidString)
        switch caller {
        case .admin, .auditor:
            return []
        case .manager:
            // the school's work at the other center, even as an occupied block
            return [
                bystanders.schoolAwayTitle, bystanders.schoolAwayBooking.uuidString, bystanders.awayMachineName,
                bystanders.awayMachine.uuidString,
            ]
        case .school, .instructor:
            return side[.enterprise]! + others
        case .enterprise:
            return side[.school]! + others + [bystanders.schoolAwayTitle, bystanders.schoolAwayBooking.uuidString]
        case .otherManager:
            // organizations and their classes are the consortium's to know; the center's work is not
            let work = [
                request[.school]!, booking[.school]!, request[.enterprise]!, booking[.enterprise]!,
                bystanders.pilotBooking,
            ]
            return (names[.school]! + names[.enterprise]! + bystanders.names).filter {
                $0.contains("申请") || $0.contains("课")
            }
                + [bystanders.pilotTitle] + work.map(\.uuidString)
        }
    }

    /// Words that tell a confidential pilot run from other work, which only its organization and
    /// the center's readers may see on the schedule routes.
    func confidentialWords(for caller: Caller) -> [String] {
        [.school, .instructor, .otherManager].contains(caller) ? ["pilot_production", "pilotProduction"] : []
    }

    static func build(db: Database, client: any TestClientProtocol) async throws -> AuthMatrixWorld {
        let tag = String(UUID().uuidString.prefix(6).lowercased())
        let admin = try await AdminClient.signing(client, db: db)
        let post = admin.created
        let operatorId = try await post("/organizations", #"{"name": "运营-\#(tag)", "kind": "center_operator"}"#)
        let school = try await post("/organizations", #"{"name": "学校-\#(tag)", "kind": "higher_vocational_college"}"#)
        let enterprise = try await post("/organizations", #"{"name": "企业-\#(tag)", "kind": "large_enterprise"}"#)
        let center = try await post("/centers", #"{"name": "中心-\#(tag)", "operatorId": "\#(operatorId)"}"#)
        let otherCenter = try await post("/centers", #"{"name": "别的中心-\#(tag)", "operatorId": "\#(operatorId)"}"#)
        try await TestDatabase.catalogue(["welding.robot"], in: center, on: db)
        try await TestDatabase.catalogue(["cnc.lathe"], in: otherCenter, on: db)
        let machine = try await post(
            "/centers/\(center)/resources",
            #"{"kind": "equipment_line", "name": "焊接机器人", "seats": 1, "capabilities": ["welding.robot"]}"#)
        let schoolCohort = try await post("/organizations/\(school)/cohorts", #"{"name": "S班-\#(tag)", "size": 30}"#)
        let enterpriseCohort = try await post(
            "/organizations/\(enterprise)/cohorts", #"{"name": "E组-\#(tag)", "size": 10}"#)
        let instructor = try await post(
            "/centers/\(center)/instructors",
            """
            {"organizationId": "\(school)", "name": "李老师", "postType": "fixed", "weeklyHourCap": 20,
             "skills": [{"skill": "welding.robot", "expiresOn": "2040-12-31"}],
             "availability": [{"weekday": 1, "from": "08:00", "to": "18:00"}, {"weekday": 2, "from": "08:00", "to": "18:00"}]}
            """)
        let schoolRequest = try await post(
            "/centers/\(center)/requests",
            """
            {"organizationId": "\(school)", "category": "student_training", "title": "S实训申请-\(tag)",
             "details": {"cohortId": "\(schoolCohort)", "courseName": "焊接", "sessionsPerWeek": 1, "weeks": 2, "startDate": "2031-03-03",
                         "sessionMinutes": 120, "capability": "welding.robot", "studentsPerStation": 2, "instructorSkills": ["welding.robot"]}}
            """)
        let enterpriseRequest = try await post(
            "/centers/\(center)/requests",
            """
            {"organizationId": "\(enterprise)", "category": "pilot_production", "title": "E中试申请-\(tag)",
             "details": {"capability": "welding.robot", "days": 2, "earliestStart": "2031-04-01", "latestStart": "2031-04-10"}}
            """)
        let schoolBooking = try await post(
            "/centers/\(center)/bookings",
            """
            {"organizationId": "\(school)", "category": "student_training", "title": "S课-\(tag)", "instructorId": "\(instructor)",
             "cohortIds": ["\(schoolCohort)"], "start": "2031-03-03T09:00:00+08:00", "end": "2031-03-03T11:00:00+08:00",
             "resources": [{"resourceId": "\(machine)"}]}
            """)
        let enterpriseBooking = try await post(
            "/centers/\(center)/bookings",
            """
            {"organizationId": "\(enterprise)", "category": "employee_upskilling", "title": "E课-\(tag)",
             "cohortIds": ["\(enterpriseCohort)"], "start": "2031-03-04T09:00:00+08:00", "end": "2031-03-04T11:00:00+08:00",
             "resources": [{"resourceId": "\(machine)"}]}
            """)
        let term = try await post(
            "/centers/\(center)/terms", #"{"name": "2031秋季学期", "firstDay": "2031-09-01", "weeks": 18}"#)
        let plan = try await post(
            "/centers/\(center)/plans",
            #"{"horizon": {"from": "2031-03-03", "to": "2031-03-07"}, "timeLimitSeconds": 0.2}"#)
        let worker = PlanWorker(database: db, logger: Logger(label: "test.worker"))
        while try await PlanService(database: db).plan(plan, as: .system).status.isSettled == false {
            if try await worker.runOnce() == nil { await Task.yield() }
        }
        var tokens: [Caller: String] = [.admin: admin.token]
        var schoolUser = UUID()
        let accounts: [(Caller, UUID, RoleGrant)] = [
            (.auditor, operatorId, RoleGrant(role: .auditor)),
            (.manager, operatorId, RoleGrant(role: .centerManager, centerId: center)),
            (.otherManager, operatorId, RoleGrant(role: .centerManager, centerId: otherCenter)),
            (.school, school, RoleGrant(role: .schoolCoordinator)),
            (.enterprise, enterprise, RoleGrant(role: .enterpriseCoordinator)),
            (.instructor, school, RoleGrant(role: .instructor, instructorId: instructor)),
        ]
        let users = UserService(database: db, hasher: PasswordHasher(cost: 4))
        for (caller, organizationId, grant) in accounts {
            let username = "\(caller.rawValue.lowercased())-\(tag)"
            let user = try await users.create(
                NewUser(
                    username: username, displayName: caller.rawValue, organizationId: organizationId, password: nil,
                    roles: [grant]), as: .system)
            if caller == .school { schoolUser = user.id }
            tokens[caller] = try await TokenService(database: db).create(
                NewToken(name: "matrix"), for: username, as: .system
            ).secret
        }
        let spare = try await TokenService(database: db).create(
            NewToken(name: "spare"), for: admin.username, as: .system)
        let bystanders = try await AuthMatrixBystanders.add(
            tag: tag, center: center, otherCenter: otherCenter, operatorId: operatorId, machine: machine,
            school: school,
            enterprise: enterprise,
            schoolCohort: schoolCohort, admin: admin)
        return AuthMatrixWorld(
            tag: tag, center: center, otherCenter: otherCenter, machine: machine,
            organization: [.school: school, .enterprise: enterprise],
            cohort: [.school: schoolCohort, .enterprise: enterpriseCohort],
            request: [.school: schoolRequest, .enterprise: enterpriseRequest],
            booking: [.school: schoolBooking, .enterprise: enterpriseBooking],
            instructor: instructor, plan: plan, term: term, schoolUser: schoolUser, adminSpareToken: spare.token.id,
            tokens: tokens,
            names: [
                .school: ["学校-\(tag)", "S班-\(tag)", "S实训申请-\(tag)", "S课-\(tag)"],
                .enterprise: ["企业-\(tag)", "E组-\(tag)", "E中试申请-\(tag)", "E课-\(tag)"],
            ], bystanders: bystanders)
    }
}
