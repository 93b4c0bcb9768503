/// Errors thrown by the allocator.
public struct AllocatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// The problem refers to something that does not exist, or holds an impossible value.
        case invalidProblem
        /// In assert mode, the incremental score differed from a full rescore.
        case scoreCorruption
    }

    /// The kind of error.
    public var code: Code
    /// A sentence naming the thing, its value, and a hint.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An invalid-problem error.
    public static func invalidProblem(_ message: String) -> AllocatorError { AllocatorError(.invalidProblem, message) }

    /// A score-corruption error.
    public static func scoreCorruption(_ message: String) -> AllocatorError {
        AllocatorError(.scoreCorruption, message)
    }

    public var description: String { message }
}
