import Dates
import Foundation

// A student-training request names its weeks in one of two forms, both read from `details`:
//   {"startDate": "2026-03-02", "weeks": 16}              16 consecutive weeks (the older form)
//   {"termId": "…", "weeks": "3-8,11-16"}                 teaching weeks of a term
// The term form is stored with the span the service resolved (`startDate`, `weekSpan`), so the
// planner's horizon and the request's dates read alike for both.

extension StudentTrainingDetails {
    enum CodingKeys: String, CodingKey {
        case cohortId, courseName, sessionsPerWeek, weeks, startDate, sessionMinutes, sessionPeriods, capability
        case studentsPerStation, instructorSkills, preferredWeekdays, termId, weekSpan
        case groups, mentorSkills, studentsPerInstructor
    }

    /// Where a term request's span stands until the service resolves it against the term.
    static let unresolvedStart = CalendarDate(year: 2000, month: 1, day: 3)!

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pattern = try? container.decode(String.self, forKey: .weeks)
        self.init(
            cohortId: try container.decode(UUID.self, forKey: .cohortId),
            courseName: try container.decode(String.self, forKey: .courseName),
            sessionsPerWeek: try container.decode(Int.self, forKey: .sessionsPerWeek),
            weeks: try pattern == nil
                ? container.decode(Int.self, forKey: .weeks)
                : container.decodeIfPresent(Int.self, forKey: .weekSpan) ?? 1,
            startDate: try pattern == nil
                ? container.decode(CalendarDate.self, forKey: .startDate)
                : container.decodeIfPresent(CalendarDate.self, forKey: .startDate) ?? Self.unresolvedStart,
            sessionMinutes: try container.decodeIfPresent(Int.self, forKey: .sessionMinutes),
            capability: try container.decode(String.self, forKey: .capability),
            studentsPerStation: try container.decode(Int.self, forKey: .studentsPerStation),
            instructorSkills: try container.decode([String].self, forKey: .instructorSkills),
            preferredWeekdays: try container.decodeIfPresent([Int].self, forKey: .preferredWeekdays),
            termId: try container.decodeIfPresent(UUID.self, forKey: .termId),
            teachingWeeks: pattern.map { WeeksPattern($0) },
            groups: try container.decodeIfPresent(TrainingGroups.self, forKey: .groups),
            mentorSkills: try container.decodeIfPresent([String].self, forKey: .mentorSkills),
            studentsPerInstructor: try container.decodeIfPresent(Int.self, forKey: .studentsPerInstructor),
            sessionPeriods: try container.decodeIfPresent(Int.self, forKey: .sessionPeriods))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cohortId, forKey: .cohortId)
        try container.encode(courseName, forKey: .courseName)
        try container.encode(sessionsPerWeek, forKey: .sessionsPerWeek)
        if let teachingWeeks {
            try container.encode(teachingWeeks, forKey: .weeks)
            try container.encode(weeks, forKey: .weekSpan)
        } else {
            try container.encode(weeks, forKey: .weeks)
        }
        try container.encode(startDate, forKey: .startDate)
        try container.encodeIfPresent(sessionMinutes, forKey: .sessionMinutes)
        try container.encodeIfPresent(sessionPeriods, forKey: .sessionPeriods)
        try container.encode(capability, forKey: .capability)
        try container.encode(studentsPerStation, forKey: .studentsPerStation)
        try container.encode(instructorSkills, forKey: .instructorSkills)
        try container.encodeIfPresent(preferredWeekdays, forKey: .preferredWeekdays)
        try container.encodeIfPresent(termId, forKey: .termId)
        try container.encodeIfPresent(groups, forKey: .groups)
        try container.encodeIfPresent(mentorSkills, forKey: .mentorSkills)
        try container.encodeIfPresent(studentsPerInstructor, forKey: .studentsPerInstructor)
    }

    /// Checks the weeks: 1–30 consecutive ones, or a term and a pattern that follows the grammar
    /// (whether its weeks lie in the term is checked against the term, see ``resolved(in:)``).
    func validateWeeks() throws(DomainError) {
        switch (termId, teachingWeeks) {
        case (nil, nil): _ = try Validate.range(weeks, 1...30, field: "details/weeks")
        case (_?, let pattern?): _ = try pattern.items(field: "details/weeks")
        case (nil, _?):
            throw DomainError(
                field: "details/termId", rule: "required",
                message: "Weeks given as a pattern name the term they are of.")
        case (_?, nil):
            throw DomainError(
                field: "details/weeks", rule: "pattern",
                message: "With a term, the weeks are its teaching weeks, such as \"1-16\" or \"3-8,11-16\".")
        }
    }

    /// The chosen teaching weeks of `term`, weeks off left out.
    /// - Throws: ``DomainError`` naming `details/weeks` (`pattern`, `outsideTerm`, `empty`).
    public func teachingWeekNumbers(in term: Term) throws(DomainError) -> [Int] {
        guard let teachingWeeks else {
            throw DomainError(field: "details/weeks", rule: "pattern", message: "The request names no teaching weeks.")
        }
        return try teachingWeeks.weeks(in: term, field: "details/weeks")
    }

    /// The details with the span their teaching weeks cover in `term`: ``startDate`` the Monday of
    /// the first chosen week, ``weeks`` the calendar weeks up to the last.
    /// - Throws: as ``teachingWeekNumbers(in:)``.
    public func resolved(in term: Term) throws(DomainError) -> StudentTrainingDetails {
        let chosen = try teachingWeekNumbers(in: term)
        var details = self
        details.startDate = term.dates(ofWeek: chosen[0])[0]
        details.weeks = chosen[chosen.count - 1] - chosen[0] + 1
        return details
    }
}
