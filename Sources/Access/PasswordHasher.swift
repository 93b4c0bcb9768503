import Domain
import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOPosix

/// Hashes and checks passwords with bcrypt, on a thread pool (a hash takes a quarter of a second
/// at the default cost and must not block the Swift concurrency pool).
public struct PasswordHasher: Sendable {
    /// bcrypt's log2 work factor: 12 in production, 4 (the minimum) in tests.
    public let cost: UInt8

    /// A hash, at the same cost, of a password nobody has (made on first use): checked when the
    /// username is unknown, so that a wrong username takes as long as a wrong password.
    private let decoy = NIOLockedValueBox<String?>(nil)

    /// How many checks this hasher and its copies have run.
    private let checks = NIOLockedValueBox(0)

    /// How many passwords this hasher (and every copy of it) has verified: what a burst of
    /// guesses cost, for tests and metrics.
    public var verifications: Int { checks.withLockedValue { $0 } }

    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt's cost is between 4 and 31")
        self.cost = cost
    }

    /// The bcrypt hash of a password (salted; two calls give different hashes).
    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (unknown user, token-only account) it
    /// spends the same time and answers false.
    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let (decoy, cost) = (decoy, cost)
        checks.withLockedValue { $0 += 1 }
        return try await NIOThreadPool.singleton.runIfActive {
            let stand =
                hash
                ?? decoy.withLockedValue { value in
                    if value == nil { value = Bcrypt.hash(Secret.generate(), cost: cost) }
                    return value!
                }
            let matches = Bcrypt.verify(password, hash: stand)
            return matches && hash != nil
        }
    }

    /// Checks a new password: 12 to 72 bytes of UTF-8 (bcrypt reads no further).
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field`.
    public static func validated(_ password: String, field: String) throws(ServiceError) -> String {
        let length = password.utf8.count
        guard length >= 12 else {
            throw .invalid(
                DomainError(
                    field: field, rule: "minLength",
                    message:
                        "The \(field) must be at least 12 characters; a short sentence is easy to remember and hard to guess."
                ))
        }
        guard length <= 72 else {
            throw .invalid(
                DomainError(
                    field: field, rule: "maxLength",
                    message: "The \(field) (\(length) bytes) must be at most 72 bytes of UTF-8."))
        }
        return password
    }
}
