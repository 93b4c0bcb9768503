/// An edit of a request as its requester sends it while the request is a draft or submitted:
/// `{"title"?, "category"?, "details"?}`. Details come with the request's category (which cannot
/// change) and replace the stored ones whole.
public struct RequestEdit: Sendable, Decodable {
    public var title: String?
    public var details: RequestDetails?
    /// Single fields of the details as a form sends them, by name (`weeks`, `startDate`…), merged
    /// into the stored details (``RequestDetails/merging(_:)``); not part of the JSON body.
    public var fields: [String: String]?

    public init(title: String? = nil, details: RequestDetails? = nil, fields: [String: String]? = nil) {
        self.title = title
        self.details = details
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case title, category, details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        if container.contains(.details) {
            let category = try container.decode(Category.self, forKey: .category)
            details = try RequestDetails(category: category, from: try container.superDecoder(forKey: .details))
        }
    }

    /// The request with the edit applied, checked as at creation (``NewRequest/validated()``).
    /// - Throws: ``DomainError`` naming `title`, `category` (another category than the request's:
    ///   rule `unchanged`) or `details/…`.
    public func applied(to request: Request) throws(DomainError) -> Request {
        var edited = request
        let input = NewRequest(
            organizationId: request.organizationId, title: title ?? request.title,
            details: try (details ?? request.details).merging(fields ?? [:]))
        guard input.details.category == request.category else {
            throw DomainError(
                field: "category", rule: "unchanged",
                message: "A request stays \(request.category.rawValue); make a new request for another category.")
        }
        edited.title = try input.validated()
        edited.details = input.details
        return edited
    }
}
