public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// A user's own notices (the in-app list) and notice preferences. Everyone signed in reads and
/// marks their own notices; nobody reads another's.
public struct NoticeService: Sendable {
    let database: Database
    let notices = NoticeRepository()
    let preferences = NoticePreferenceRepository()

    public init(database: Database) {
        self.database = database
    }

    /// The caller's notices, newest first (only the unread ones when `unreadOnly`).
    public func notices(unreadOnly: Bool = false, page: Page, as caller: Principal) async throws -> [Notice] {
        let notices = notices
        return try await database.withConnection {
            try notices.list(
                userId: caller.userId, unreadOnly: unreadOnly, limit: page.limit, offset: page.offset, on: $0)
        }
    }

    /// How many of the caller's notices are unread (the count beside the header's link).
    public func unreadCount(as caller: Principal) async throws -> Int {
        let notices = notices
        return try await database.withConnection { try notices.unreadCount(userId: caller.userId, on: $0) }
    }

    /// Marks one of the caller's notices read.
    /// - Throws: `.notFound` when the caller has no notice with this id (another's included).
    public func markRead(_ id: UUID, as caller: Principal) async throws -> Notice {
        let notices = notices
        return try await database.withTransaction { connection in
            guard let notice = try notices.markRead(id, userId: caller.userId, on: connection) else {
                throw ServiceError.notFound(entity: "notice")
            }
            return notice
        }
    }

    /// Marks all of the caller's notices read.
    /// - Returns: how many were unread.
    public func markAllRead(as caller: Principal) async throws -> Int {
        let notices = notices
        return try await database.withTransaction { try notices.markAllRead(userId: caller.userId, on: $0) }
    }

    /// The caller's notice preferences (the defaults, version 0, until they choose).
    public func preferences(as caller: Principal) async throws -> NoticePreferences {
        let preferences = preferences
        return try await database.withConnection { try preferences.find(userId: caller.userId, on: $0) }
    }

    /// Stores the caller's notice preferences at the version they last read, with an audit row.
    /// - Throws: `.invalid` naming the field; `.staleVersion`; `.forbidden` for ``Principal/system``.
    public func updatePreferences(
        _ preferencesAsked: NoticePreferences, version: Int, as caller: Principal
    ) async throws -> NoticePreferences {
        let input: NoticePreferences
        do throws(DomainError) { input = try inputChecked(preferencesAsked) } catch {
            throw ServiceError.invalid(error)
        }
        let preferences = preferences
        return try await database.withTransaction { connection in
            try Policy(caller).authorize(
                .change, .account(userId: caller.userId, organizationId: caller.organizationId), entity: "account")
            guard !caller.isSystem else {
                throw ServiceError.forbidden("The system has no notices.", rule: "systemAccount")
            }
            let before = try preferences.find(userId: caller.userId, forUpdate: true, on: connection)
            guard before.version == version else { throw ServiceError.staleVersion(current: before.version) }
            let after = try preferences.save(input, userId: caller.userId, on: connection)
            try AuditLog().record(
                caller.actor, action: "update", entity: "notice_preferences", id: caller.userId.uuidString,
                before: before, after: after, on: connection)
            return after
        }
    }

    private func inputChecked(_ input: NoticePreferences) throws(DomainError) -> NoticePreferences {
        var input = input
        input.email = input.email?.trimmingCharacters(in: .whitespaces)
        if input.email?.isEmpty == true { input.email = nil }
        return try input.validated()
    }
}
