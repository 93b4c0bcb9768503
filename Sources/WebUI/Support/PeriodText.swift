import Domain
import Foundation

/// How a span of bell periods reads beside a time: "第3–4节" / "periods 3–4", "第5节" / "period 5".
enum PeriodText {
    static func text(_ span: PeriodSpan, strings: Strings, language: Language) -> String {
        let key = span.from == span.to ? "periods_single" : "periods_range"
        return strings.text(key, language).replacingOccurrences(of: "{from}", with: String(span.from))
            .replacingOccurrences(of: "{to}", with: String(span.to))
    }
}
