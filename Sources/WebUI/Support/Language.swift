import Foundation
import Hummingbird

/// The languages of the pages: Simplified Chinese (the default) and English; the reader's
/// choice is kept in a cookie.
enum Language: String, Sendable, CaseIterable {
    case zh = "zh-CN"
    case en = "en"

    static let cookie = "praxis_lang"

    /// The reader's choice, or Chinese.
    init(_ request: Request) {
        self = request.cookies[Self.cookie].flatMap { Language(rawValue: $0.value) } ?? .zh
    }

    /// The locale whose conventions dates follow.
    var locale: Locale { Locale(identifier: self == .zh ? "zh_CN" : "en_GB") }

    /// The language's own name, for the switch.
    var name: String { self == .zh ? "中文" : "English" }
}
