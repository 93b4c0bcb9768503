public import Foundation

/// A named person on a roster: a class's student (``cohortId``) or a named participant of a request
/// (an upskilling course's employee, an SME's person on its shared-employee seats, ``requestId``).
public struct Participant: Sendable, Equatable, Codable {
    public var id: UUID
    /// The organization the person belongs to (the school, the enterprise, the SME).
    public var organizationId: UUID
    public var cohortId: UUID?
    public var requestId: UUID?
    /// The group of the class the student works in; `nil`: every group's sessions.
    public var group: Int?
    public var name: String
    /// The student or employee number.
    public var number: String?
    public var phone: String?
    /// The employee's position at their organization (a named seat's 岗位).
    public var position: String?
    /// What the person achieved, once recorded (courses only).
    public var outcome: Outcome?

    public init(
        id: UUID, organizationId: UUID, cohortId: UUID? = nil, requestId: UUID? = nil, group: Int? = nil,
        name: String, number: String? = nil, phone: String? = nil, position: String? = nil, outcome: Outcome? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.cohortId = cohortId
        self.requestId = requestId
        self.group = group
        self.name = name
        self.number = number
        self.phone = phone
        self.position = position
        self.outcome = outcome
    }
}

/// A person as a coordinator names them.
public struct NewParticipant: Sendable, Decodable {
    public var name: String
    public var number: String?
    public var phone: String?
    /// A class's group (1–20); refused on a request's participants.
    public var group: Int?
    /// The employee's position (at most 60 characters).
    public var position: String?

    public init(
        name: String, number: String? = nil, phone: String? = nil, group: Int? = nil, position: String? = nil
    ) {
        self.name = name
        self.number = number
        self.phone = phone
        self.group = group
        self.position = position
    }

    /// Checks the fields; returns them trimmed, empty optional texts as `nil`.
    public func validated() throws(DomainError) -> NewParticipant {
        let name = try Validate.name(self.name, field: "name")
        guard name.unicodeScalars.count <= 100 else {
            throw DomainError(field: "name", rule: "maxLength", message: "The name must be at most 100 characters.")
        }
        let number = try Self.optional(self.number, field: "number", allowed: "A–Z, a–z, 0–9, '.', '_' or '-'") {
            (1...40).contains($0.count)
                && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        }
        let phone = try Self.optional(self.phone, field: "phone", allowed: "digits, spaces, '+', '-', '(' or ')'") {
            (3...20).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isNumber || "+() -".contains($0)) }
        }
        if let group { _ = try Validate.range(group, 1...20, field: "group") }
        let position = self.position?.trimmingCharacters(in: .whitespaces)
        guard (position ?? "").unicodeScalars.count <= 60 else {
            throw DomainError(
                field: "position", rule: "maxLength", message: "The position must be at most 60 characters.")
        }
        return NewParticipant(
            name: name, number: number, phone: phone, group: group,
            position: position?.isEmpty == false ? position : nil)
    }

    private static func optional(
        _ raw: String?, field: String, allowed: String, _ isValid: (String) -> Bool
    ) throws(DomainError) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard isValid(text) else {
            throw DomainError(
                field: field, rule: "format", message: "The \(field) '\(text)' may hold only \(allowed) (at most 40).")
        }
        return text
    }
}
