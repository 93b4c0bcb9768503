/// A sentence for a person, written in English and in Chinese, so whoever reads it reads it in
/// their own language.
public struct Reason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The English sentence.
    public var english: String
    /// The Chinese (zh-CN) sentence.
    public var chinese: String

    /// Creates a reason from its two wordings.
    public init(english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    public var description: String { english }
}
