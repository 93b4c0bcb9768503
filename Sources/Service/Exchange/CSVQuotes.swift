import Foundation

/// The quoting rule the CSV reader leaves unchecked: a quoted cell ends at a quote followed (after spaces) by a
/// comma, a line break or the end of the file, and a quote inside it is doubled. The reader would take the rest
/// of the file into one cell after an unclosed quote, and keep a stray one, without a word.
enum CSVQuotes {
    /// The line (from 1) on which the first quoted cell breaking the rule opens; `nil` when none does.
    static func firstBrokenLine(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        let spaces = CharacterSet.whitespaces
        var line = 1
        var index = 0
        var atCellStart = true
        /// Moves past a line break at `index` (CRLF, LF or CR), counting it.
        func passBreak() {
            if scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
            index += 1
            line += 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                passBreak()
                atCellStart = true
            } else if scalar == "," {
                index += 1
                atCellStart = true
            } else if atCellStart && scalar == "\"" {
                let opened = line
                index += 1
                while true {
                    guard index < scalars.count else { return opened }
                    if scalars[index] == "\n" || scalars[index] == "\r" {
                        passBreak()
                        continue
                    }
                    let isQuote = scalars[index] == "\""
                    index += 1
                    guard isQuote else { continue }
                    var next = index
                    while next < scalars.count && spaces.contains(scalars[next]) { next += 1 }
                    guard next < scalars.count else { return nil }
                    if scalars[next] == "\"" {
                        index = next + 1  // a doubled quote
                    } else if scalars[next] == "," || scalars[next] == "\n" || scalars[next] == "\r" {
                        index = next  // the cell is closed
                        break
                    } else {
                        return opened  // a stray quote
                    }
                }
                atCellStart = false
            } else {
                if !spaces.contains(scalar) { atCellStart = false }
                index += 1
            }
        }
        return nil
    }
}
