public import Foundation

/// One notice in a user's in-app list, in the language it was written in for them.
public struct Notice: Sendable, Equatable, Codable {
    public var id: UUID
    public var event: String
    public var entity: String
    public var entityId: String
    public var language: String
    public var title: String
    public var body: String
    public var link: String
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: UUID, event: String, entity: String, entityId: String, language: String, title: String, body: String,
        link: String, createdAt: Date, readAt: Date?
    ) {
        self.id = id
        self.event = event
        self.entity = entity
        self.entityId = entityId
        self.language = language
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
