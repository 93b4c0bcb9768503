/// One part of an upskilling course (a theory block in a classroom, practice in a workshop, an
/// assessment): its own resource need, instructor skill, session length and number of sessions.
public struct CoursePart: Sendable, Equatable, Codable {
    /// What kind of work the part is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case theory, practice, assessment
    }

    public var kind: Kind
    /// The capability tag its resource must offer; `nil` (theory only): any classroom.
    public var capability: String?
    /// The skill tag its instructor must hold, with a certificate valid through the course's window.
    public var skill: String
    public var sessionMinutes: Int
    /// How many sessions of `sessionMinutes` the part has.
    public var sessions: Int

    public init(kind: Kind, capability: String?, skill: String, sessionMinutes: Int, sessions: Int) {
        self.kind = kind
        self.capability = capability
        self.skill = skill
        self.sessionMinutes = sessionMinutes
        self.sessions = sessions
    }

    /// Checks the part's fields; errors name `details/parts/<index>/<field>`.
    func validate(index: Int) throws(DomainError) {
        let prefix = "details/parts/\(index)"
        if let capability {
            _ = try Validate.tag(capability, field: "\(prefix)/capability")
        } else if kind != .theory {
            throw DomainError(
                field: "\(prefix)/capability", rule: "required",
                message: "A \(kind.rawValue) part names the capability its workshop or line must offer.")
        }
        _ = try Validate.tag(skill, field: "\(prefix)/skill")
        _ = try Validate.range(sessionMinutes, 30...600, field: "\(prefix)/sessionMinutes")
        _ = try Validate.range(sessions, 1...100, field: "\(prefix)/sessions")
    }
}

/// What an upskilling course is for, as subsidy claims and the consortium's indicators count it:
/// an enterprise's 岗前 / 岗位 / 继续教育 training, or a school's 教师岗位实践 / teacher training.
public enum TrainingType: String, Sendable, Codable, CaseIterable {
    case preJob, onJob, continuing, teacherPractice, teacherTraining

    /// Whether a school (not an enterprise) asks for training of this type: its own teachers'.
    public var isForTeachers: Bool { self == .teacherPractice || self == .teacherTraining }
}
