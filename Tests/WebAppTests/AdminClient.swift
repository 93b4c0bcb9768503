import Access
import Database
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Service
import Testing

/// A test client that sends every request with an admin's API token (unless the request brings
/// its own `Authorization`): for route tests about something other than access.
struct AdminClient: TestClientProtocol {
    let base: any TestClientProtocol
    let token: String
    let username: String

    var port: Int? { base.port }

    func executeRequest(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?
    ) async throws -> TestResponse {
        var headers = headers
        if headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    /// Wraps `client` with the token of a new admin account (of a new organization).
    static func signing(_ client: any TestClientProtocol, db: Database) async throws -> AdminClient {
        let tag = UUID().uuidString.prefix(8).lowercased()
        let organizationId: UUID = try await db.query(
            "INSERT INTO organizations (name, kind) VALUES (\("管理方 \(tag)"), 'center_operator') RETURNING id"
        ).first!.decode("id")
        _ = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "root-\(tag)", displayName: "root", organizationId: organizationId, password: nil,
                roles: [RoleGrant(role: .admin)]), as: .system)
        let issued = try await TokenService(database: db).create(
            NewToken(name: "tests"), for: "root-\(tag)", as: .system)
        return AdminClient(base: client, token: issued.secret, username: "root-\(tag)")
    }

    /// POSTs `body` to `uri`, expects the object created (201, or 202 for a planner run) and
    /// returns its id.
    func created(_ uri: String, _ body: String) async throws -> UUID {
        let response = try await execute(uri: uri, method: .post, body: ByteBuffer(string: body))
        #expect([.created, .accepted].contains(response.status), "\(uri): \(String(buffer: response.body))")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
        let id = try #require(object["id"] as? String)
        return try #require(UUID(uuidString: id))
    }
}
