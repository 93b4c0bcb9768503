/// A text for a person in English and in Chinese (zh-CN); pages and answers pick the reader's.
///
/// JSON: `{"en": "...", "zh-CN": "..."}`. A plain string (what plan results stored before texts
/// came in two languages) decodes as the same text in both.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language` (`zh-CN`, or anything else for English).
    public func text(in language: String) -> String { language.hasPrefix("zh") ? zh : en }

    private enum CodingKeys: String, CodingKey {
        case en
        case zh = "zh-CN"
    }

    public init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            self.init(en: plain, zh: plain)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            en: try container.decode(String.self, forKey: .en), zh: try container.decode(String.self, forKey: .zh))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(en, forKey: .en)
        try container.encode(zh, forKey: .zh)
    }
}
