import Foundation

/// What a participant of an upskilling or shared-employee course achieved.
public struct Outcome: Sendable, Equatable, Codable {
    public var completed: Bool
    /// The certificate or skill level earned, as free text (e.g. "数控车工 四级").
    public var achievement: String?
    /// The catalogue tag of the skill, if any (e.g. `cnc.lathe`).
    public var tag: String?
    /// The number of the certificate issued (证书编号): letters, digits, `.`, `/`, `_`, `-`, at most 60.
    public var certificateNumber: String?

    public init(completed: Bool, achievement: String? = nil, tag: String? = nil, certificateNumber: String? = nil) {
        self.completed = completed
        self.achievement = achievement
        self.tag = tag
        self.certificateNumber = certificateNumber
    }

    /// Checks the texts; returns the outcome trimmed, empty texts as `nil`.
    public func validated() throws(DomainError) -> Outcome {
        var achievement: String?
        if let raw = self.achievement, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            achievement = try Validate.name(raw, field: "achievement")
        }
        var tag: String?
        if let raw = self.tag, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            tag = try Validate.tag(raw, field: "tag")
        }
        var certificate: String?
        if let raw = certificateNumber?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            guard raw.count <= 60, raw.first.map({ $0.isASCII && ($0.isLetter || $0.isNumber) }) == true,
                raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "./_-".contains($0)) })
            else {
                throw DomainError(
                    field: "certificateNumber", rule: "format",
                    message:
                        "The certificate number '\(raw)' may hold only A–Z, a–z, 0–9, '.', '/', '_' or '-' (at most 60)."
                )
            }
            guard completed else {
                throw DomainError(
                    field: "certificateNumber", rule: "completed",
                    message: "A certificate is issued only to a participant who completed the course.")
            }
            certificate = raw
        }
        return Outcome(completed: completed, achievement: achievement, tag: tag, certificateNumber: certificate)
    }
}
