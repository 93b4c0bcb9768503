/// Which group of its class a session is: group `number` of `count` (第1组 / group 1).
public struct SessionGroup: Sendable, Codable, Equatable, Hashable {
    /// From 1.
    public var number: Int
    public var count: Int

    public init(number: Int, count: Int) {
        self.number = number
        self.count = count
    }
}
