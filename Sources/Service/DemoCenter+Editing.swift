import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// The SME the demo manager onboards, and its coordinator's username.
    static let onboardedSME = (name: "潍坊精工模具有限公司", username: "demo.sme", displayName: "精工模具培训主管")

    /// Edits as a center's staff would in the first weeks: 张伟's robot-welding certificate
    /// renewed until the end of 2031, and a week of his leave after 清明 (13–17 April 2026), so the
    /// planner keeps his sessions off those days.
    static func edits(_ centerId: UUID, with service: OrganizationService, on connection: Connection) throws {
        let instructors = try service.people.instructors(centerId: centerId, limit: 100, offset: 0, on: connection)
        guard let welder = instructors.first(where: { $0.name == "张伟" }) else { return }
        let renewed = welder.skills.map { skill in
            skill.skill == "welding.robot"
                ? Instructor.Skill(skill: skill.skill, expiresOn: CalendarDate(iso: "2031-12-31")) : skill
        }
        let leave = Leave(
            first: CalendarDate(iso: "2026-04-13")!, last: CalendarDate(iso: "2026-04-17")!, note: "年假")
        _ = try service.changeInstructor(
            welder.id, InstructorChange(skills: renewed, leave: [leave]), version: nil, as: .system, on: connection)
    }

    /// The demo manager onboards an SME with its coordinator, `demo.sme`, whose initial password is
    /// then reset to the demo password (by the system, as an admin would) so people can sign in.
    /// - Returns: the account, `created: false` when an earlier load onboarded it.
    func onboardSME(
        centerId: UUID, password: String, users: UserService
    ) async throws -> DemoAccount? {
        let sme = Self.onboardedSME
        let manager = try await database.withConnection { try UserRepository().find(username: "demo.manager", on: $0) }
        guard let manager = manager?.user else { return nil }
        let principal = Principal(
            userId: manager.id, username: manager.username, organizationId: manager.organizationId,
            grants: manager.roles)
        do {
            let onboarded = try await users.onboard(
                Onboarding(name: sme.name, kind: .sme, username: sme.username, displayName: sme.displayName),
                at: centerId, as: principal)
            _ = try await users.change(
                onboarded.coordinator.id, UserChange(password: password), version: onboarded.coordinator.version,
                as: .system)
            return DemoAccount(username: sme.username, role: .enterpriseCoordinator, created: true)
        } catch ServiceError.invalid(let error) where error.rule == "taken" {
            return DemoAccount(username: sme.username, role: .enterpriseCoordinator, created: false)
        }
    }
}
