import Foundation

/// What a participant of an upskilling or shared-employee course achieved.
public struct Outcome: Sendable, Equatable, Codable {
    public var completed: Bool
    /// The certificate or skill level earned, as free text (e.g. "数控车工 四级").
    public var achievement: String?
    /// The catalogue tag of the skill, if any (e.g. `cnc.lathe`).
    public var tag: String?

    public init(completed: Bool, achievement: String? = nil, tag: String? = nil) {
        self.completed = completed
        self.achievement = achievement
        self.tag = tag
    }

    /// Checks the texts; returns the outcome trimmed, empty texts as `nil`.
    public func validated() throws(DomainError) -> Outcome {
        var achievement: String?
        if let raw = self.achievement, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            achievement = try Validate.name(raw, field: "achievement")
        }
        var tag: String?
        if let raw = self.tag, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            tag = try Validate.tag(raw, field: "tag")
        }
        return Outcome(completed: completed, achievement: achievement, tag: tag)
    }
}
