public import Domain
public import Foundation

/// The one place that decides who may do what; handlers and services ask it, nothing else looks
/// at roles.
///
/// - Admins may do anything.
/// - Auditors read everything but secrets (password hashes and tokens are never read by anyone)
///   and change nothing.
/// - A center manager manages that center: its resources, calendar, instructors, and the requests
///   and bookings made there, including the decisions on them.
/// - School and enterprise coordinators create and read their own organization's requests and
///   bookings (a school student training, an enterprise the other three categories, and either
///   shared-employee work: a college offers a course, an SME buys seats in it); other
///   organizations' bookings they see only as occupied blocks (``audience(at:)``).
/// - Pilot production is confidential: to anyone outside its organization and its center's
///   managers it shows as occupied, without even its category.
/// - An instructor reads the work they teach.
/// - An organization's record (name, kind) is changed by admins and the managers of a center where
///   it works; a manager onboards schools and enterprises at their center. An instructor's record
///   is changed by the center's managers and the coordinators of the instructor's organization.
///
/// - Named people are private: a session's roster and attendance are seen by the center's managers,
///   the session's instructors and the coordinators of the organization that owns the session, and
///   by no one else (not auditors either: reports count them); the instructors and managers mark
///   attendance, only managers correct a mark or record an outcome. An organization's named people
///   (class rosters, a request's participants) are kept by its own coordinators.
///
/// An object the principal may not know of is ``Decision/hidden`` (404, so that its existence
/// does not leak); a forbidden action on an object it may see is ``Decision/forbidden(_:rule:)`` (403).
public struct Policy: Sendable {
    public let principal: Principal

    public init(_ principal: Principal) {
        self.principal = principal
    }

    /// What is to be done.
    public enum Action: Sendable, Hashable {
        case read
        /// Creates the subject (which has no visibility of its own yet).
        case create
        /// Changes or cancels an existing subject.
        case change
        /// A manager's decision on a request: plan, confirm, reject, wait-list.
        case decide
    }

    /// What it is done to.
    public enum Subject: Sendable, Hashable {
        /// Consortium-wide data: the centers, the public calendar, the organizations registry.
        case consortium
        /// A center and its resources, opening hours and closures.
        case center(UUID)
        /// An organization and its cohorts.
        case organization(UUID)
        /// A center's planner runs: proposals over every organization's requests.
        case plans(centerId: UUID)
        /// A request or booking of an organization at a center.
        case work(Work)
        /// An instructor of a center, and their timetable.
        case instructor(id: UUID, centerId: UUID)
        /// The user registry: every account.
        case accounts
        /// One account and its API tokens.
        case account(userId: UUID, organizationId: UUID)
        /// The audit trail.
        case auditTrail
        /// An organization's own record (name, kind), with the centers where it works: those of its
        /// requests and instructors, and the center whose manager onboarded it. `id` is `nil` for
        /// one being onboarded.
        case organizationRecord(id: UUID?, centers: Set<UUID>)
        /// An instructor's record (skills and certificates, availability, cap, leave, affiliation).
        case instructorRecord(id: UUID, centerId: UUID, organizationId: UUID)
        /// A session's (or a course's) roster, attendance and outcomes: read by the center's managers,
        /// the instructors given and the owning organization's coordinators; `change` marks attendance
        /// and reports the session (managers, instructors), `decide` corrects a mark or records an
        /// outcome (managers).
        case roster(Work, instructorIds: Set<UUID>)
        /// An organization's named people: its classes' students, its requests' participants.
        case people(organizationId: UUID)
        /// An organization's quota at a center: set by the center's managers, read by them, by
        /// auditors and by the organization's own coordinators.
        case quota(centerId: UUID, organizationId: UUID)
    }

    /// The outcome of a check.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Visible, but not this action (403): who may, as a sentence and a rule.
        case forbidden(String, rule: String)
        /// Not to be known of (404).
        case hidden
    }

    /// Decides whether the principal may do `action` to `subject`.
    public func decide(_ action: Action, _ subject: Subject) -> Decision {
        if principal.has(.admin) { return .allowed }
        if action != .create, !isVisible(subject) { return .hidden }
        if isPermitted(action, subject) { return .allowed }
        let reason = Self.reason(action, subject)
        return .forbidden(reason.sentence, rule: reason.rule)
    }

    /// Like ``decide(_:_:)``, throwing when the answer is not ``Decision/allowed``.
    /// - Parameter entity: the name a 404 uses (`booking`, `request`…).
    /// - Throws: ``ServiceError/notFound(entity:)`` or ``ServiceError/forbidden(_:rule:)``.
    public func authorize(_ action: Action, _ subject: Subject, entity: String) throws(ServiceError) {
        switch decide(action, subject) {
        case .allowed: return
        case .hidden: throw .notFound(entity: entity)
        case .forbidden(let reason, let rule): throw .forbidden(reason, rule: rule)
        }
    }

    private var consortiumReader: Bool { principal.has(.auditor) }

    private func isVisible(_ subject: Subject) -> Bool {
        switch subject {
        case .roster(let work, let instructorIds):
            return principal.managedCenters.contains(work.centerId)
                || !instructorIds.isDisjoint(with: principal.instructorIds)
                || (principal.isCoordinator && work.organizationId == principal.organizationId)
        case .people(let organizationId):
            return principal.isCoordinator && organizationId == principal.organizationId
        default:
            break
        }
        if consortiumReader { return true }
        switch subject {
        case .consortium, .center, .plans, .accounts, .auditTrail:
            return true
        case .organization(let id):
            return id == principal.organizationId || !principal.managedCenters.isEmpty
        case .work(let work):
            return principal.managedCenters.contains(work.centerId)
                || (principal.isCoordinator && work.organizationId == principal.organizationId)
                || work.instructorId.map(principal.instructorIds.contains) == true
        case .instructor(let id, let centerId):
            return principal.managedCenters.contains(centerId) || principal.instructorIds.contains(id)
        case .account(let userId, _):
            return userId == principal.userId
        case .organizationRecord(let id, _):
            return id == principal.organizationId || !principal.managedCenters.isEmpty
        case .instructorRecord(let id, let centerId, let organizationId):
            return principal.managedCenters.contains(centerId) || principal.instructorIds.contains(id)
                || (principal.isCoordinator && organizationId == principal.organizationId)
        case .quota(let centerId, let organizationId):
            return principal.managedCenters.contains(centerId)
                || (principal.isCoordinator && organizationId == principal.organizationId)
        case .roster, .people:
            return false  // decided above
        }
    }

    private func isPermitted(_ action: Action, _ subject: Subject) -> Bool {
        if action == .read {
            switch subject {
            case .accounts, .auditTrail: return consortiumReader
            case .plans(let centerId): return consortiumReader || principal.managedCenters.contains(centerId)
            default: return true
            }
        }
        switch subject {
        case .consortium, .accounts, .auditTrail:
            return false
        case .center(let centerId), .instructor(_, let centerId), .plans(let centerId), .quota(let centerId, _):
            return principal.managedCenters.contains(centerId)
        case .organization(let id):
            return principal.isCoordinator && id == principal.organizationId
        case .work(let work):
            if principal.managedCenters.contains(work.centerId) { return true }
            guard action != .decide, work.organizationId == principal.organizationId else { return false }
            switch work.category {
            case .studentTraining: return principal.has(.schoolCoordinator)
            // a college's course or an SME's seats, an enterprise's or a school's (its teachers') upskilling:
            // the request's checks tell which by the organization's kind
            case .sharedEmployee, .employeeUpskilling: return principal.isCoordinator
            case .pilotProduction: return principal.has(.enterpriseCoordinator)
            }
        case .account(let userId, _):
            return userId == principal.userId
        case .organizationRecord(_, let centers):
            return !centers.isDisjoint(with: principal.managedCenters)
        case .instructorRecord(_, let centerId, let organizationId):
            return principal.managedCenters.contains(centerId)
                || (principal.isCoordinator && organizationId == principal.organizationId)
        case .roster(let work, let instructorIds):
            if principal.managedCenters.contains(work.centerId) { return true }
            return action == .change && !instructorIds.isDisjoint(with: principal.instructorIds)
        case .people:
            return true  // visible only to the organization's coordinators
        }
    }

    /// Who may do `action` to `subject`: a stable rule and a sentence naming them.
    private static func reason(_ action: Action, _ subject: Subject) -> (rule: String, sentence: String) {
        switch (action, subject) {
        case (.read, .auditTrail):
            (rule: "auditTrailReaders", sentence: "Only admins and auditors read the audit trail.")
        case (.read, .accounts): (rule: "accountReaders", sentence: "Only admins and auditors list accounts.")
        case (_, .consortium), (_, .accounts), (_, .auditTrail):
            (rule: "adminOnly", sentence: "Only an admin may do this.")
        case (.read, .plans):
            (rule: "planReaders", sentence: "Only the center's managers, admins and auditors read its plans.")
        case (_, .plans):
            (rule: "planManagers", sentence: "Only a manager of this center runs and publishes its plans.")
        case (_, .center), (_, .instructor):
            (rule: "centerManagers", sentence: "Only a manager of this center may change it.")
        case (_, .quota): (rule: "quotaManagers", sentence: "Only a manager of this center sets its quotas.")
        case (_, .organization):
            (rule: "ownOrganization", sentence: "Only the organization's own coordinators may change it.")
        case (.decide, .work): (rule: "decidesRequests", sentence: "Only a manager of this center decides on requests.")
        case (_, .work):
            (
                rule: "coordinatorsOwnWork",
                sentence:
                    "Coordinators act for their own organization only: a school for student training and the shared-employee courses it offers, an enterprise for the other categories."
            )
        case (_, .account): (rule: "accountOwner", sentence: "Only the account's owner or an admin may change it.")
        case (_, .organizationRecord):
            (
                rule: "onboardsOrganizations",
                sentence:
                    "Only an admin or a manager of a center where the organization works may onboard or change it."
            )
        case (_, .instructorRecord):
            (
                rule: "changesInstructors",
                sentence:
                    "Only a manager of the instructor's center or a coordinator of their organization may change them."
            )
        case (.change, .roster):
            (
                rule: "takesAttendance",
                sentence: "Only the session's instructors and the center's managers take attendance."
            )
        case (_, .roster):
            (
                rule: "correctsAttendance",
                sentence: "Only a manager of the center corrects attendance and records outcomes."
            )
        case (_, .people):
            (rule: "keepsPeople", sentence: "Only the organization's own coordinators keep its named people.")
        }
    }
}

/// A request or a booking as the policy sees it: whose it is, where, what kind, who teaches it.
public struct Work: Sendable, Hashable {
    public var centerId: UUID
    public var organizationId: UUID
    public var category: Domain.Category
    public var instructorId: UUID?

    public init(centerId: UUID, organizationId: UUID, category: Domain.Category, instructorId: UUID? = nil) {
        self.centerId = centerId
        self.organizationId = organizationId
        self.category = category
        self.instructorId = instructorId
    }
}
