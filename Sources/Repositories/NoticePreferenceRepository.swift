public import Database
public import Domain
public import Foundation

/// Reads and writes `notice_preferences`: what each user wants to be told, and how.
public struct NoticePreferenceRepository: Sendable {
    public init() {}

    /// A user's preferences; the defaults (version 0) when they never chose; `forUpdate` locks the row.
    public func find(userId: UUID, forUpdate: Bool = false, on connection: Connection) throws -> NoticePreferences {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        guard
            let row = try connection.query(
                """
                SELECT language, email, email_enabled, muted_events, version FROM notice_preferences
                WHERE user_id = \(userId)\(lock)
                """
            ).first
        else { return NoticePreferences() }
        return NoticePreferences(
            language: try row.decode("language"), email: try row.decode("email", as: String?.self),
            emailEnabled: try row.decode("email_enabled"),
            mutedEvents: try row.decode("muted_events", as: [String].self).compactMap(NoticeEvent.init(rawValue:)),
            version: try row.decode("version"))
    }

    /// Stores a user's preferences, one version up.
    public func save(
        _ preferences: NoticePreferences, userId: UUID, on connection: Connection
    ) throws
        -> NoticePreferences
    {
        let muted = preferences.mutedEvents.map(\.rawValue)
        try connection.query(
            """
            INSERT INTO notice_preferences (user_id, language, email, email_enabled, muted_events)
            VALUES (\(userId), \(preferences.language), \(preferences.email), \(preferences.emailEnabled), \(muted))
            ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, email = excluded.email,
                email_enabled = excluded.email_enabled, muted_events = excluded.muted_events,
                version = notice_preferences.version + 1, updated_at = now()
            """)
        return try find(userId: userId, on: connection)
    }
}
