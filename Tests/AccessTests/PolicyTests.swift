import Access
import Domain
import Foundation
import Testing

@Suite("Policy: who may do what, 404 for what one may not know of, 403 for what one may not do")
struct PolicyTests {
    static let center = UUID()
    static let otherCenter = UUID()
    static let school = UUID()
    static let enterprise = UUID()
    static let instructor = UUID()

    static func principal(_ organization: UUID, _ grants: RoleGrant...) -> Principal {
        Principal(userId: UUID(), username: "u", organizationId: organization, grants: grants)
    }

    static let admin = principal(UUID(), RoleGrant(role: .admin))
    static let auditor = principal(UUID(), RoleGrant(role: .auditor))
    static let manager = principal(UUID(), RoleGrant(role: .centerManager, centerId: center))
    static let teacher = principal(school, RoleGrant(role: .schoolCoordinator))
    static let buyer = principal(enterprise, RoleGrant(role: .enterpriseCoordinator))
    static let tutor = principal(school, RoleGrant(role: .instructor, instructorId: instructor))

    static let training = Work(
        centerId: center, organizationId: school, category: .studentTraining, instructorId: instructor)
    static let pilot = Work(centerId: center, organizationId: enterprise, category: .pilotProduction)
    static let elsewhere = Work(centerId: otherCenter, organizationId: enterprise, category: .employeeUpskilling)

    @Test(
        "decisions",
        arguments: [
            (admin, Policy.Action.change, Policy.Subject.work(pilot), Policy.Decision.allowed),
            (auditor, .read, .work(pilot), .allowed),
            (auditor, .change, .work(pilot), .forbidden("", rule: "")),
            (auditor, .read, .auditTrail, .allowed),
            (manager, .read, .auditTrail, .forbidden("", rule: "")),
            (manager, .change, .center(center), .allowed),
            (manager, .change, .center(otherCenter), .forbidden("", rule: "")),
            (manager, .decide, .work(pilot), .allowed),
            (manager, .read, .work(elsewhere), .hidden),
            (teacher, .read, .work(training), .allowed),
            (teacher, .change, .work(training), .allowed),
            (teacher, .decide, .work(training), .forbidden("", rule: "")),
            (teacher, .read, .work(pilot), .hidden),
            (teacher, .create, .work(pilot), .forbidden("", rule: "")),
            (buyer, .create, .work(training), .forbidden("", rule: "")),
            (buyer, .create, .work(pilot), .allowed),
            (buyer, .read, .organization(school), .hidden),
            (buyer, .change, .organization(enterprise), .allowed),
            (tutor, .read, .work(training), .allowed),
            (tutor, .change, .work(training), .forbidden("", rule: "")),
            (tutor, .read, .instructor(id: instructor, centerId: center), .allowed),
            (teacher, .read, .instructor(id: instructor, centerId: center), .hidden),
            (teacher, .create, .accounts, .forbidden("", rule: "")),
            (auditor, .read, .accounts, .allowed),
            (teacher, .read, .account(userId: UUID(), organizationId: school), .hidden),
            (manager, .create, .consortium, .forbidden("", rule: "")),
        ])
    func decisions(
        _ principal: Principal, _ action: Policy.Action, _ subject: Policy.Subject, _ expected: Policy.Decision
    ) {
        let decision = Policy(principal).decide(action, subject)
        switch (decision, expected) {
        case (.forbidden(let reason, let rule), .forbidden):
            #expect(!reason.isEmpty && !rule.isEmpty)
        default:
            #expect(decision == expected)
        }
    }

    @Test("schedules: every detail for admins, auditors and the center's managers; own organization's for the rest")
    func audiences() {
        #expect(Policy(Self.auditor).audience(at: Self.center) == .center)
        #expect(Policy(Self.manager).audience(at: Self.center) == .center)
        #expect(Policy(Self.manager).audience(at: Self.otherCenter) == .organization(Self.manager.organizationId))
        #expect(Policy(Self.buyer).audience(at: Self.center) == .organization(Self.enterprise))
        #expect(Policy(Self.tutor).audience(at: nil) == .organization(Self.school))
    }

    @Test("listing scopes: all for managers and auditors, own organization for coordinators, 403 for instructors")
    func scopes() throws {
        #expect(try Policy(Self.manager).requestScope(at: Self.center) == .all)
        #expect(throws: ServiceError.self) { try Policy(Self.manager).requestScope(at: Self.otherCenter) }
        #expect(try Policy(Self.teacher).requestScope(at: Self.center) == .organization(Self.school))
        #expect(throws: ServiceError.self) { try Policy(Self.tutor).requestScope(at: Self.center) }
        #expect(Policy(Self.buyer).organizationScope == .organization(Self.enterprise))
        #expect(Policy(Self.auditor).organizationScope == .all)
    }

    @Test(
        "timetables of an organization: everywhere for its own people and consortium readers, at their centers for other managers"
    )
    func timetableReach() {
        #expect(Policy(Self.teacher).timetableReach(of: Self.school) == .everywhere)
        #expect(Policy(Self.tutor).timetableReach(of: Self.school) == .everywhere)
        #expect(Policy(Self.auditor).timetableReach(of: Self.school) == .everywhere)
        #expect(Policy(Self.manager).timetableReach(of: Self.school) == .centers([Self.center]))
        #expect(Policy(Self.buyer).timetableReach(of: Self.school) == nil)
    }

    @Test("grants check their scope")
    func grantScope() {
        #expect(throws: ServiceError.self) { try RoleGrant(role: .centerManager).validated(field: "roles/0") }
        #expect(throws: ServiceError.self) { try RoleGrant(role: .admin, centerId: UUID()).validated(field: "roles/0") }
        #expect(throws: ServiceError.self) { try RoleGrant(role: .instructor).validated(field: "roles/0") }
        #expect(throws: Never.self) {
            try RoleGrant(role: .instructor, instructorId: UUID()).validated(field: "roles/0")
        }
    }
}
