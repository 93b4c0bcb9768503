import Access
import Domain
import Testing

@Suite("Account texts are length-checked before any database or hashing work")
struct AccountTextTests {
    @Test("a login username over 64 characters is invalid, naming the field")
    func loginUsername() throws {
        #expect(try AccountText.loginUsername("wang.li") == "wang.li")
        #expect(throws: ServiceError.self) { try AccountText.loginUsername(String(repeating: "a", count: 4_000)) }
        #expect(throws: ServiceError.self) { try AccountText.loginUsername("") }
        do {
            _ = try AccountText.loginUsername(String(repeating: "a", count: 65))
        } catch {
            guard case .invalid(let problem) = error else {
                Issue.record("not invalid: \(error)")
                return
            }
            #expect(problem.field == "username")
            #expect(problem.rule == "maxLength")
        }
    }

    @Test("a given password over 72 bytes is invalid; a new username keeps its format rule")
    func passwordAndNewUsername() throws {
        #expect(throws: ServiceError.self) {
            try AccountText.givenPassword(String(repeating: "密", count: 25), field: "currentPassword")
        }
        #expect(try AccountText.newUsername(" wang.li ") == "wang.li")
        #expect(throws: ServiceError.self) { try AccountText.newUsername(String(repeating: "a", count: 4_000)) }
    }
}
