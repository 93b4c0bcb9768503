public import Foundation

/// What a calendar feed shows: one timetable, or the owner's own teaching (``mine``).
public enum FeedSubject: Sendable, Equatable, Hashable {
    case resource(UUID)
    case instructor(UUID)
    case cohort(UUID)
    case organization(UUID)
    /// The sessions the feed's owner teaches (their instructor grants), as their "my timetable" page shows.
    case mine

    /// The kinds as the API and the database spell them.
    public static let kinds = ["resource", "instructor", "cohort", "organization", "mine"]

    /// The subject of `kind` and `id`; `nil` when they do not fit together.
    public init?(kind: String, id: UUID?) {
        switch (kind, id) {
        case ("resource", let id?): self = .resource(id)
        case ("instructor", let id?): self = .instructor(id)
        case ("cohort", let id?): self = .cohort(id)
        case ("organization", let id?): self = .organization(id)
        case ("mine", nil): self = .mine
        default: return nil
        }
    }

    /// `resource`, `instructor`, `cohort`, `organization` or `mine`.
    public var kind: String {
        switch self {
        case .resource: "resource"
        case .instructor: "instructor"
        case .cohort: "cohort"
        case .organization: "organization"
        case .mine: "mine"
        }
    }

    /// The subject's id; `nil` for ``mine``.
    public var id: UUID? {
        switch self {
        case .resource(let id), .instructor(let id), .cohort(let id), .organization(let id): id
        case .mine: nil
        }
    }

    /// The timetable a subject other than ``mine`` names.
    public var timetable: TimetableSubject? {
        switch self {
        case .resource(let id): .resource(id)
        case .instructor(let id): .instructor(id)
        case .cohort(let id): .cohort(id)
        case .organization(let id): .organization(id)
        case .mine: nil
        }
    }
}
