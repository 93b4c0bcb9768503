import Access
import Domain

/// A window on a list: at most `limit` items after skipping `offset`, in a stable order.
public struct Page: Sendable, Equatable {
    /// The most a caller may ask for at once.
    public static let maximumLimit = 500

    public let limit: Int
    public let offset: Int

    /// - Throws: ``ServiceError/invalid(_:)`` when `limit` is outside 1…500 or `offset` negative.
    public init(limit: Int = 100, offset: Int = 0) throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw ServiceError.invalid(
                .init(
                    field: "limit", rule: "range",
                    message: "The limit (\(limit)) must be between 1 and \(Self.maximumLimit)."))
        }
        guard offset >= 0 else {
            throw ServiceError.invalid(
                .init(field: "offset", rule: "range", message: "The offset (\(offset)) must not be negative."))
        }
        self.limit = limit
        self.offset = offset
    }
}
