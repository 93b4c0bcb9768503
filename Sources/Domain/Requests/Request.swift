public import Foundation

/// What a school or enterprise asks the center for, and where it stands.
public struct Request: Sendable, Equatable, Encodable {
    public var id: UUID
    public var centerId: UUID
    public var organizationId: UUID
    public var title: String
    public var details: RequestDetails
    public var state: RequestState
    /// Why the request was rejected, cancelled or wait-listed.
    public var reason: String?
    /// What the last published plan placed of it; `nil` before any plan was published for it.
    public var placement: RequestPlacement?
    public var version: Int

    public var category: Category { details.category }

    public init(
        id: UUID, centerId: UUID, organizationId: UUID, title: String, details: RequestDetails, state: RequestState,
        reason: String?, placement: RequestPlacement? = nil, version: Int
    ) {
        self.id = id
        self.centerId = centerId
        self.organizationId = organizationId
        self.title = title
        self.details = details
        self.state = state
        self.reason = reason
        self.placement = placement
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, centerId, organizationId, category, title, details, state, reason, placement, version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(centerId, forKey: .centerId)
        try container.encode(organizationId, forKey: .organizationId)
        try container.encode(category, forKey: .category)
        try container.encode(title, forKey: .title)
        try details.encode(to: container.superEncoder(forKey: .details))
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(placement, forKey: .placement)
        try container.encode(version, forKey: .version)
    }
}

/// A new request as a caller sends it: `{"organizationId", "category", "title", "details": {…}}`.
public struct NewRequest: Sendable, Decodable {
    public var organizationId: UUID
    public var title: String
    public var details: RequestDetails
    /// Submit at once instead of keeping a draft.
    public var submit: Bool

    public init(organizationId: UUID, title: String, details: RequestDetails, submit: Bool = false) {
        self.organizationId = organizationId
        self.title = title
        self.details = details
        self.submit = submit
    }

    enum CodingKeys: String, CodingKey {
        case organizationId, category, title, details, submit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organizationId = try container.decode(UUID.self, forKey: .organizationId)
        title = try container.decode(String.self, forKey: .title)
        let category = try container.decode(Category.self, forKey: .category)
        details = try RequestDetails(category: category, from: try container.superDecoder(forKey: .details))
        submit = try container.decodeIfPresent(Bool.self, forKey: .submit) ?? false
    }

    /// Checks the title and the details; returns the trimmed title.
    public func validated() throws(DomainError) -> String {
        let title = try Validate.name(title, field: "title")
        try details.validate()
        return title
    }
}
