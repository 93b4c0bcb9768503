public import Domain

/// A school or enterprise joining at a center, as its manager fills in the form: the
/// organization and its first coordinator's account.
public struct Onboarding: Sendable, Decodable {
    /// The organization's name.
    public var name: String
    /// A school of some level, a large enterprise or an SME.
    public var kind: OrganizationKind
    /// The coordinator's username.
    public var username: String
    /// The coordinator's name as people read it.
    public var displayName: String

    public init(name: String, kind: OrganizationKind, username: String, displayName: String) {
        self.name = name
        self.kind = kind
        self.username = username
        self.displayName = displayName
    }
}

/// What onboarding made: the organization, its coordinator, and the coordinator's initial
/// password, shown this once and stored only as a bcrypt hash.
public struct Onboarded: Sendable, Encodable {
    public var organization: Organization
    public var coordinator: User
    /// For the manager to hand over; the coordinator changes it after the first sign-in.
    public var initialPassword: String

    public init(organization: Organization, coordinator: User, initialPassword: String) {
        self.organization = organization
        self.coordinator = coordinator
        self.initialPassword = initialPassword
    }
}

extension Secret {
    /// A one-time initial password: 20 random characters of an alphabet without look-alikes
    /// (about 99 bits), in groups of five for reading aloud, e.g. `k7m2q-x9r4t-…`.
    public static func initialPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 20, by: 5).map { String(characters[$0..<$0 + 5]) }.joined(separator: "-")
    }
}
