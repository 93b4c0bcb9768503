public import Foundation

/// What a run read, so that publishing can tell what changed since: the requests and their versions.
public struct PlanBasis: Sendable, Codable, Equatable {
    public var requestVersions: [UUID: Int]

    public init(requestVersions: [UUID: Int]) {
        self.requestVersions = requestVersions
    }
}
