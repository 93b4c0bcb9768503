/// HTML written by appending: text and attribute values escaped as the templates escape them
/// (`& < > " '`). For the few places that write thousands of elements a page (a week's tracks), where
/// going through the template engine's dictionaries costs most of the page's time.
struct Markup {
    private(set) var html = ""

    /// Appends markup as it is.
    mutating func raw(_ markup: String) { html += markup }

    /// Appends text or an attribute's value, escaped.
    mutating func text(_ value: String) {
        var start = value.utf8.startIndex
        for index in value.utf8.indices {
            let entity: String
            switch value.utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            html += value[start..<index]
            html += entity
            start = value.utf8.index(after: index)
        }
        html += value[start...]
    }
}
