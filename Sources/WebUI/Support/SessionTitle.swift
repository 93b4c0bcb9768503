import Foundation

/// A booking title as the reader reads it. The planner writes a session's title from parts, the
/// request's title and a fixed suffix naming the session (`数控实训 · week 3`, `… · week 3 #2`,
/// `新产品中试 · day 1/3`, `焊接培训 · 2/8`); that suffix grammar is the stored structure, and
/// this renders it in the reader's language (`· 第3周`, `· 第3周 第2次`, `· 第1/3天`, `· 第2/8次`).
/// Titles typed by people, and every title in English, are shown as stored.
enum SessionTitle {
    /// `title` with the planner's session suffix in `language`.
    static func text(_ title: String, in language: Language) -> String {
        guard language == .zh, let range = suffixRange(of: title) else { return title }
        let suffix = title[range.upperBound...]
        let words = suffix.split(separator: " ")
        let chinese: String?
        switch words.count {
        case 2 where words[0] == "week" && Int(words[1]) != nil:
            chinese = "第\(words[1])周"
        case 3 where words[0] == "week" && Int(words[1]) != nil && words[2].hasPrefix("#"):
            chinese = Int(words[2].dropFirst()).map { "第\(words[1])周 第\($0)次" }
        case 2 where words[0] == "day" && Self.fraction(words[1]):
            chinese = "第\(words[1])天"
        case 1 where Self.fraction(words[0]):
            chinese = "第\(words[0])次"
        default:
            chinese = nil
        }
        return chinese.map { String(title[..<range.upperBound]) + $0 } ?? title
    }

    /// Where the last ` · ` of `title` is, found in its UTF-8 bytes (a timeline names thousands of
    /// sessions; searching by characters cost a sixth of the page).
    private static func suffixRange(of title: String) -> Range<String.Index>? {
        let separator: [UInt8] = [0x20, 0xC2, 0xB7, 0x20]  // " · "
        let bytes = title.utf8
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) >= separator.count {
            let start = bytes.index(end, offsetBy: -separator.count)
            if bytes[start..<end].elementsEqual(separator) { return start..<end }
            end = bytes.index(before: end)
        }
        return nil
    }

    /// Whether `text` reads `N/M`.
    private static func fraction(_ text: Substring) -> Bool {
        let parts = text.split(separator: "/")
        return parts.count == 2 && parts.allSatisfy { Int($0) != nil }
    }
}
