import Domain
import Service

/// Messages shown beside the fields of a form that the services refused: a sentence in the
/// reader's language for the rule that was broken, with the service's own sentence under it when that
/// says more (names, numbers) than the rule's.
struct FieldErrors: Sendable {
    private(set) var messages: [String: [String: String]] = [:]

    /// Puts the message of `error` on the form field that `map` gives for the service's field
    /// (a JSON Pointer without its slash: `title`, `details/weeks`, `resources/0/stations`);
    /// fields the form does not have land on `general`.
    mutating func add(_ error: DomainError, strings: Strings, language: Language, map: (String) -> String?) {
        let sentence = strings.rule(error.rule, language)
        var message = ["text": sentence ?? error.message]
        if let sentence, sentence != error.message { message["original"] = error.message }
        messages[map(error.field) ?? "general"] = message
    }

    var isEmpty: Bool { messages.isEmpty }

    /// `values` with the message of each form field in `keys` (template key → field) that has one.
    func adding(_ values: [String: Any], _ keys: [String: String]) -> [String: Any] {
        var values = values
        for (key, field) in keys { if let message = messages[field] { values[key] = message } }
        return values
    }

    /// For templates: `{{#errors.title}}{{text}}{{/errors.title}}`.
    var values: [String: [String: String]] { messages }
}
