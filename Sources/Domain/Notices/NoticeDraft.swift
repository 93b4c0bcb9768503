public import Foundation

/// A notice about to be written to the outbox, once per recipient, in the transaction of the change
/// it tells: its texts in both languages (each recipient gets theirs) and the page it links to.
public struct NoticeDraft: Sendable, Equatable {
    public var event: NoticeEvent
    public var centerId: UUID?
    /// The organization concerned (its coordinators are the requester; its webhooks are called).
    public var organizationId: UUID?
    /// The kind of object concerned, in snake case (`request`, `booking`, `plan`…), and its id.
    public var entity: String
    public var entityId: String
    public var title: LocalizedText
    public var body: LocalizedText
    /// The page's path, e.g. `/requests/…`.
    public var link: String

    public init(
        event: NoticeEvent, centerId: UUID?, organizationId: UUID?, entity: String, entityId: String,
        title: LocalizedText, body: LocalizedText, link: String
    ) {
        self.event = event
        self.centerId = centerId
        self.organizationId = organizationId
        self.entity = entity
        self.entityId = entityId
        self.title = title
        self.body = body
        self.link = link
    }
}
