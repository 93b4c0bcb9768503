/// Buffer slots a resource needs between a session of one category and a later one of another
/// (cleaning after pilot production, recalibration before it).
public struct Changeover: Sendable, Hashable, Codable {
    /// `buffers[from.index * 4 + to.index]`: free slots needed between the end of a `from` session and the
    /// start of a following `to` session on the same resource.
    public var buffers: [Int]

    /// A matrix with no buffers.
    public init() {
        buffers = Array(repeating: 0, count: SessionCategory.allCases.count * SessionCategory.allCases.count)
    }

    /// The buffer between a `from` session and a following `to` session.
    public func buffer(from: SessionCategory, to: SessionCategory) -> Int {
        buffers[from.index * SessionCategory.allCases.count + to.index]
    }

    /// Sets the buffer between a `from` session and a following `to` session.
    public mutating func setBuffer(_ slots: Int, from: SessionCategory, to: SessionCategory) {
        buffers[from.index * SessionCategory.allCases.count + to.index] = slots
    }
}
