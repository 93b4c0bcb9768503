import Dates
import Domain
import Foundation
import Testing

@Suite("Student-training details in both forms of weeks")
struct StudentTrainingWeeksTests {
    static func details(_ fields: String) throws -> StudentTrainingDetails {
        let json = """
            {"organizationId": "\(UUID())", "category": "student_training", "title": "实训",
             "details": {"cohortId": "\(UUID())", "courseName": "数控", "sessionsPerWeek": 1, "sessionMinutes": 180,
                         "capability": "cnc.lathe", "studentsPerStation": 2, "instructorSkills": [], \(fields)}}
            """
        let request = try JSONDecoder().decode(NewRequest.self, from: Data(json.utf8))
        guard case .studentTraining(let details) = request.details else { throw CancellationError() }
        return details
    }

    @Test("a stored request of the older form reads as it was and writes back unchanged")
    func olderForm() throws {
        let details = try Self.details(#""startDate": "2026-03-02", "weeks": 16"#)
        #expect(details.weeks == 16 && details.termId == nil && details.teachingWeeks == nil)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(details)) as! [String: Any]
        #expect(json["weeks"] as? Int == 16)
        #expect(json["startDate"] as? String == "2026-03-02")
        #expect(json["termId"] == nil && json["weekSpan"] == nil)
    }

    @Test("the term form resolves to the span of its weeks and round-trips")
    func termForm() throws {
        let term = WeeksPatternTests.term
        let details = try Self.details(#""termId": "\#(term.id)", "weeks": "3-8,11-16""#)
        #expect(details.teachingWeeks == WeeksPattern("3-8,11-16"))
        let resolved = try details.resolved(in: term)
        #expect(resolved.startDate == CalendarDate(iso: "2026-03-16"))
        #expect(resolved.weeks == 14)
        let back = try JSONDecoder().decode(StudentTrainingDetails.self, from: JSONEncoder().encode(resolved))
        #expect(back == resolved)
    }

    @Test("weeks as a pattern need a term; a term needs a pattern")
    func pairing() throws {
        let request = { (fields: String) throws -> String? in
            let details = try Self.details(fields)
            do throws(DomainError) {
                try RequestDetails.studentTraining(details).validate()
                return nil
            } catch { return "\(error.field) \(error.rule)" }
        }
        #expect(try request(#""weeks": "1-16""#) == "details/termId required")
        #expect(
            try request(#""termId": "\#(UUID())", "weeks": 16, "startDate": "2026-03-02""#) == "details/weeks pattern")
        #expect(try request(#""termId": "\#(UUID())", "weeks": "1-16 tuesdays""#) == "details/weeks pattern")
        #expect(try request(#""termId": "\#(UUID())", "weeks": "1-16 odd""#) == nil)
    }
}
