import Access
import ArgumentParser
import Database
import Foundation
import Logging
import Repositories
import Service

/// `praxis user add`: creates an account, audited as the system; the password is read from
/// standard input so that it stays out of the shell history and the process list.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create an account.",
        discussion: """
            Roles: admin, auditor, school_coordinator, enterprise_coordinator, center_manager=<center id>,
            instructor=<instructor id>. The password (12 to 72 bytes) is the first line of standard input.
            Example: echo 'a long passphrase' | praxis user add wang.li --organization 潍坊市产教联合体运营中心 --role admin
            """)

    @Argument(help: "The username: 3–64 lower-case letters, digits, '.', '_' or '-'.")
    var username: String

    @Option(help: "The organization the user belongs to: its id or its exact name.")
    var organization: String

    @Option(name: .customLong("role"), help: "A role to grant; repeat for several.")
    var roles: [String] = []

    @Option(help: "The name shown to people. Default: the username.")
    var displayName: String?

    @Flag(help: "Create an account without a password, for API tokens only; reads nothing from standard input.")
    var noPassword = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        for role in roles { _ = try Self.grant(role) }
    }

    func run() async throws {
        let grants = try roles.map(Self.grant)
        let password = noPassword ? nil : readLine(strippingNewline: true)
        if !noPassword, password?.isEmpty ?? true {
            throw ValidationError("Give the password on standard input, or --no-password for a token-only account.")
        }
        let pool = Database(configuration: database.databaseConfiguration, logger: bootstrapLogging(level: .warning))
        do {
            let organizationId = try await Self.organization(organization, in: pool)
            let user = try await UserService(database: pool, hasher: PasswordHasher()).create(
                NewUser(
                    username: username, displayName: displayName ?? username, organizationId: organizationId,
                    password: password, roles: grants), as: .system)
            print(
                "created \(user.username) (\(user.id)) with roles \(grants.map(\.role.rawValue).joined(separator: ", "))"
            )
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            printError("Could not create the account: \(String(describing: error))")
            throw ExitCode(2)
        }
    }

    /// `center_manager=<uuid>` and friends.
    static func grant(_ text: String) throws -> RoleGrant {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard let role = Role(rawValue: parts[0]) else {
            throw ValidationError(
                "Unknown role '\(parts[0])'. Use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let scope = parts.count == 2 ? UUID(uuidString: parts[1]) : nil
        if parts.count == 2, scope == nil { throw ValidationError("'\(parts[1])' in --role \(text) is not a UUID.") }
        let grant = RoleGrant(
            role: role, centerId: role == .centerManager ? scope : nil, instructorId: role == .instructor ? scope : nil)
        do {
            return try grant.validated(field: "role")
        } catch {
            throw ValidationError("--role \(text): \(error.description)")
        }
    }

    /// An organization's id, from its id or its exact name.
    static func organization(_ text: String, in pool: Database) async throws -> UUID {
        let id = try await pool.withConnection { try GrantScopeRepository().organizationId(named: text, on: $0) }
        guard let id else {
            throw ServiceError.notFound(entity: "organization '\(text)'")
        }
        return id
    }
}
