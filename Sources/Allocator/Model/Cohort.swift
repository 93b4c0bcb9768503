/// A set of people who cannot be in two places at once: a class, an enterprise's group, a curriculum.
public struct Cohort: Sendable, Hashable, Codable {
    /// A readable name.
    public var name: String

    /// Creates a cohort.
    public init(name: String) {
        self.name = name
    }
}
