import Foundation

// A course with parts keeps `skill`, `totalHours` and `sessionMinutes` as a summary, so that
// readers of one-part courses (lists, the inbox, exports) keep working:
//   main part     = the first practice part, else the first part
//   skill         = the main part's skill;  sessionMinutes = the main part's session length
//   totalHours    = all parts' minutes / 60, rounded up
// The summary is recomputed whenever the details are built or decoded or their parts change; values
// sent for it are ignored.

extension EmployeeUpskillingDetails {
    /// The parts the planner places: ``parts``, or for a course without them one practice part whose
    /// capability and instructor skill are both ``skill``.
    public var effectiveParts: [CoursePart] {
        if let parts { return parts }
        let count = sessionMinutes > 0 ? totalHours * 60 / sessionMinutes : 0
        return [
            CoursePart(
                kind: .practice, capability: skill, skill: skill, sessionMinutes: sessionMinutes, sessions: count)
        ]
    }

    /// Sets ``skill``, ``totalHours`` and ``sessionMinutes`` from ``parts``, when there are parts.
    mutating func summarizeParts() {
        guard let parts, let main = parts.first(where: { $0.kind == .practice }) ?? parts.first else { return }
        skill = main.skill
        sessionMinutes = main.sessionMinutes
        totalHours = (parts.reduce(0) { $0 + $1.sessionMinutes * $1.sessions } + 59) / 60
    }

    /// Checks the parts: one to eight, each valid, at most 400 hours in all; named trainers not repeated.
    func validateParts() throws(DomainError) {
        let parts = parts ?? []
        guard (1...8).contains(parts.count) else {
            throw DomainError(field: "details/parts", rule: "count", message: "A course has one to eight parts.")
        }
        for (index, part) in parts.enumerated() { try part.validate(index: index) }
        guard totalHours <= 400 else {
            throw DomainError(
                field: "details/parts", rule: "range",
                message: "The parts add up to \(totalHours) hours; a course has at most 400.")
        }
    }

    /// Checks the named trainers: at most ten, none twice.
    func validateTrainers() throws(DomainError) {
        let ids = trainerIds ?? []
        guard ids.count <= 10 else {
            throw DomainError(field: "details/trainerIds", rule: "count", message: "Name at most ten trainers.")
        }
        for (index, id) in ids.enumerated() where ids[..<index].contains(id) {
            throw DomainError(
                field: "details/trainerIds/\(index)", rule: "unique", message: "The trainer \(id) is named twice.")
        }
    }
}
