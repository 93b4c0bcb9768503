import Access
import Domain
import Foundation

extension AppRequestContext {
    /// The policy of the authenticated caller.
    /// - Throws: ``ServiceError/unauthenticated`` without one.
    func policy() throws -> Policy {
        Policy(try requirePrincipal())
    }

    /// Asks the policy whether the caller may do `action` to `subject`.
    /// - Throws: ``ServiceError``: 401 without a caller, 404 (named `entity`) for what it may not
    ///   know of, 403 for what it may see but not do.
    func authorize(_ action: Policy.Action, _ subject: Policy.Subject, entity: String) throws {
        try policy().authorize(action, subject, entity: entity)
    }

    /// Who the audit trail names for a change the caller makes.
    /// - Throws: ``ServiceError/unauthenticated`` without a caller.
    func actor() throws -> AuditActor {
        try requirePrincipal().actor
    }

    /// How the caller reads the schedules of `centerId` (see ``Policy/audience(at:)``).
    func audience(at centerId: UUID?) throws -> Audience {
        try policy().audience(at: centerId)
    }
}
