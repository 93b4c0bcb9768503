import Domain
import Foundation

/// The rules for the short texts of the account routes (usernames, passwords, token names),
/// checked before any database or hashing work, so that an oversized value is a 422 naming its
/// field and never reaches bcrypt or an insert.
public enum AccountText {
    /// The longest username: also the longest one a login looks up.
    public static let maxUsernameLength = 64
    /// bcrypt reads no further than 72 bytes, and no stored password is longer.
    public static let maxPasswordBytes = 72

    /// A new account's username: 3–64 lower-case letters, digits, `.`, `_`, `-`, starting with a
    /// letter or digit; surrounding blanks are dropped.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `username`.
    public static func newUsername(_ raw: String) throws(ServiceError) -> String {
        let username = raw.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...maxUsernameLength).contains(username.count), username.allSatisfy(allowed.contains),
            username.first.map({ $0.isLetter || $0.isNumber }) == true
        else {
            let shown = raw.count > maxUsernameLength ? "of \(raw.count) characters" : "'\(raw)'"
            throw .invalid(
                DomainError(
                    field: "username", rule: "format",
                    message:
                        "The username \(shown) must be 3–64 lower-case letters, digits, '.', '_' or '-', such as wang.li."
                ))
        }
        return username
    }

    /// A username given to log in: not empty, at most 64 characters (its format is not checked:
    /// an unknown name is refused like a wrong password).
    /// - Throws: ``ServiceError/invalid(_:)`` naming `username`.
    public static func loginUsername(_ username: String) throws(ServiceError) -> String {
        guard !username.isEmpty else {
            throw .invalid(DomainError(field: "username", rule: "required", message: "The username must not be empty."))
        }
        guard username.count <= maxUsernameLength else {
            throw .invalid(
                DomainError(
                    field: "username", rule: "maxLength",
                    message: "The username (\(username.count) characters) must be at most \(maxUsernameLength)."))
        }
        return username
    }

    /// A password given to log in or to confirm a change: at most 72 bytes of UTF-8.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field`.
    public static func givenPassword(_ password: String, field: String) throws(ServiceError) -> String {
        let length = password.utf8.count
        guard length <= maxPasswordBytes else {
            throw .invalid(
                DomainError(
                    field: field, rule: "maxLength",
                    message: "The \(field) (\(length) bytes) must be at most \(maxPasswordBytes) bytes of UTF-8."))
        }
        return password
    }
}
