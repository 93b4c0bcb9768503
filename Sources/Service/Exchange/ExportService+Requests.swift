public import Access
public import Domain
public import Foundation

extension ExportService {
    /// The requests columns, English key and Chinese name.
    public static let requestColumns: [(key: String, chinese: String)] = [
        ("title", "名称"), ("category", "类别"), ("state", "状态"), ("organization", "单位"), ("reason", "原因"),
        ("id", "编号"),
    ]

    /// A center's requests as ``RequestService/requests(in:state:category:page:as:)`` lists them
    /// to the caller (a coordinator: their own organization's).
    public func requests(
        in centerId: UUID, state: RequestState?, as caller: Principal
    ) async throws -> CSVFile {
        let service = RequestService(database: database)
        let requests = try await Self.all {
            try await service.requests(in: centerId, state: state, category: nil, page: $0, as: caller)
        }
        let organizations = OrganizationService(database: database)
        var names: [UUID: String] = [:]
        for id in Set(requests.map(\.organizationId)) {
            names[id] = try await organizations.organization(id, as: caller).name
        }
        return CSVFile(
            header: Self.requestColumns.map(\.key),
            rows: requests.map {
                [
                    $0.title, $0.category.rawValue, $0.state.rawValue, names[$0.organizationId] ?? "", $0.reason ?? "",
                    $0.id.uuidString.lowercased(),
                ]
            })
    }
}
