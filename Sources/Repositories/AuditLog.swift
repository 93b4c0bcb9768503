public import Access
public import Database
import Foundation

/// The append-only audit trail (`audit_log`): one row per mutation, written by the use case on
/// the connection of its own transaction, so the change and its record commit or vanish together.
public struct AuditLog: Sendable {
    public init() {}

    /// Records a change: the fields whose values differ between `before` and `after` (all fields
    /// of a created or removed object, for which the other side is `nil`).
    /// - Parameters:
    ///   - actor: who did it.
    ///   - action: a verb in snake case: `create`, `update`, `cancel`, `revoke`…
    ///   - entity: the kind of object in snake case: `booking`, `user`, `api_token`…
    ///   - id: the object's id.
    ///   - before: the object as it was, `nil` when created; encoded like an API response.
    ///   - after: the object as it is now, `nil` when removed.
    ///   - connection: the connection of the caller's transaction.
    /// - Throws: ``DatabaseError``, or an encoding error.
    public func record<T: Encodable>(
        _ actor: AuditActor, action: String, entity: String, id: String, before: T?, after: T?,
        on connection: Connection
    ) throws {
        try connection.run(entry(actor, action: action, entity: entity, id: id, before: before, after: after))
    }

    /// The insert ``record(_:action:entity:id:before:after:on:)`` runs, for a caller that sends
    /// it in one pipeline with the change it records.
    /// - Throws: an encoding error.
    public func entry<T: Encodable>(
        _ actor: AuditActor, action: String, entity: String, id: String, before: T?, after: T?
    ) throws -> Query<Void> {
        let sides: (before: JSONB?, after: JSONB?)
        if let before, let after {
            let (old, new) = Self.changedFields(try JSONValue.encoding(before), try JSONValue.encoding(after))
            sides = (try old.map(JSONB.init(encoding:)), try new.map(JSONB.init(encoding:)))
        } else {
            // a creation or removal records the whole object: encoded once, no comparison
            var whole: (before: JSONB?, after: JSONB?) = (nil, nil)
            if let before { whole.before = try Self.wholeObject(before) }
            if let after { whole.after = try Self.wholeObject(after) }
            sides = whole
        }
        return Query(
            """
            INSERT INTO audit_log (user_id, token_id, action, entity, entity_id, before, after)
            VALUES (\(actor.userId), \(actor.tokenId), \(action), \(entity), \(id), \(sides.before), \(sides.after))
            """)
    }

    /// `value` as a JSON object, as `changedFields` would record all of it: dates in ISO 8601,
    /// anything but an object wrapped as `{"value": …}`.
    static func wholeObject(_ value: some Encodable) throws -> JSONB {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        return JSONB(json: json.hasPrefix("{") ? json : #"{"value":"# + json + "}")
    }

    /// The two sides of a change restricted to the fields that differ; a non-object side is
    /// recorded as `{"value": …}`.
    static func changedFields(_ before: JSONValue?, _ after: JSONValue?) -> ([String: JSONValue]?, [String: JSONValue]?)
    {
        func object(_ value: JSONValue?) -> [String: JSONValue]? {
            switch value {
            case .none: nil
            case .object(let fields): fields
            case .some(let other): ["value": other]
            }
        }
        guard let old = object(before), let new = object(after) else { return (object(before), object(after)) }
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        return (old.filter { changed.contains($0.key) }, new.filter { changed.contains($0.key) })
    }
}
