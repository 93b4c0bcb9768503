/// Reads and writes one-dimensional `text[]` literals (`{a,"b c",NULL}`).
public enum ArrayText {
    /// Formats elements as an array literal, quoting every element.
    public static func format(_ elements: [String]) -> String {
        var out = "{"
        for (i, element) in elements.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for c in element {
                if c == "\"" || c == "\\" { out += "\\" }
                out.append(c)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Parses a one-dimensional array literal; `NULL` elements are dropped.
    /// Returns `nil` when the text is not such a literal.
    public static func parse(_ text: String) -> [String]? {
        var chars = Array(text)
        guard chars.first == "{", chars.last == "}" else { return nil }
        chars = Array(chars.dropFirst().dropLast())
        var elements: [String] = []
        var i = 0
        while i < chars.count {
            var element = ""
            var quoted = false
            if chars[i] == "\"" {
                quoted = true
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    element.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { return nil }
                i += 1
            } else {
                while i < chars.count, chars[i] != "," {
                    guard chars[i] != "{", chars[i] != "\"" else { return nil }
                    element.append(chars[i])
                    i += 1
                }
            }
            if quoted || element != "NULL" { elements.append(element) }
            if i < chars.count {
                guard chars[i] == "," else { return nil }
                i += 1
                guard i < chars.count else { return nil }
            }
        }
        return elements
    }
}
