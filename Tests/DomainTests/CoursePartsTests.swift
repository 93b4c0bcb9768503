import Dates
import Domain
import Foundation
import Testing

@Suite("Upskilling courses of parts")
struct CoursePartsTests {
    static func details(_ json: String) throws -> EmployeeUpskillingDetails {
        let request = try JSONDecoder().decode(
            NewRequest.self,
            from: Data(
                """
                {"organizationId": "\(UUID())", "category": "employee_upskilling", "title": "焊接",
                 "details": {"participants": 8, "course": "焊接", "earliest": "2026-03-02", "latest": "2026-04-30", \(json)}}
                """.utf8))
        guard case .employeeUpskilling(let details) = request.details else { throw CancellationError() }
        return details
    }

    static func refusal(_ details: EmployeeUpskillingDetails) -> DomainError? {
        do { try RequestDetails.employeeUpskilling(details).validate() } catch { return error }
        return nil
    }

    @Test("a request from before parts is one practice part of its skill, hours and session length")
    func oldRequest() throws {
        let old = try Self.details(#""skill": "welding.robot", "totalHours": 24, "sessionMinutes": 180"#)
        #expect(old.parts == nil && old.trainingType == nil && old.trainerIds == nil)
        #expect(
            old.effectiveParts == [
                CoursePart(
                    kind: .practice, capability: "welding.robot", skill: "welding.robot", sessionMinutes: 180,
                    sessions: 8)
            ])
        let encoded = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!encoded.contains("parts") && !encoded.contains("trainingType"))
        #expect(RequestDetails.employeeUpskilling(old).tags.map(\.field) == ["details/skill"])
    }

    @Test("with parts, skill, hours and session length are a summary of them, whatever was sent")
    func summary() throws {
        let course = try Self.details(
            #""skill": "ignored", "totalHours": 1, "trainingType": "preJob", "parts": ["#
                + #"{"kind": "theory", "skill": "safety.basic", "sessionMinutes": 90, "sessions": 2},"#
                + #"{"kind": "practice", "capability": "welding.robot", "skill": "welding.robot", "sessionMinutes": 180, "sessions": 5}]"#
        )
        #expect(course.skill == "welding.robot" && course.sessionMinutes == 180 && course.totalHours == 18)
        #expect(course.trainingType == .preJob)
        #expect(Self.refusal(course) == nil)
        #expect(RequestDetails.employeeUpskilling(course).resourceCapability == nil)
        #expect(RequestDetails.employeeUpskilling(course).instructorSkills.isEmpty)
        #expect(RequestDetails.employeeUpskilling(course).contestedResource == "welding.robot")
        #expect(
            RequestDetails.employeeUpskilling(course).tags.map(\.field) == [
                "details/parts/0/skill", "details/parts/1/capability", "details/parts/1/skill",
            ])
    }

    @Test("the edit form offers a course's own fields, not the summary its parts set, and refuses an edit of one")
    func summaryNotEdited() throws {
        let course = try Self.details(
            #""skill": "x", "totalHours": 1, "sessionMinutes": 60, "parts": ["#
                + #"{"kind": "practice", "capability": "welding.robot", "skill": "welding.robot", "sessionMinutes": 180, "sessions": 2}]"#
        )
        let details = RequestDetails.employeeUpskilling(course)
        #expect(details.fields["course"] == "焊接" && details.fields["participants"] == "8")
        #expect(details.fields["totalHours"] == nil && details.fields["skill"] == nil)
        #expect(throws: DomainError.self) { try details.merging(["totalHours": "40"]) }
        do {
            _ = try details.merging(["course": "焊接进阶", "totalHours": "40"])
        } catch {
            #expect(error.field == "details/totalHours" && error.rule == "derivedFromParts")
        }
        let renamed = try details.merging(["course": "焊接进阶"])
        guard case .employeeUpskilling(let edited) = renamed else { throw CancellationError() }
        #expect(edited.course == "焊接进阶" && edited.totalHours == 6)
        let old = RequestDetails.employeeUpskilling(
            try Self.details(#""skill": "a.b", "totalHours": 6, "sessionMinutes": 180"#))
        #expect(old.fields["totalHours"] == "6")
    }

    @Test("each part's rule names its field: capability, skill, length, count; trainers named once")
    func rules() throws {
        var course = try Self.details(
            #""parts": [{"kind": "theory", "skill": "safety.basic", "sessionMinutes": 90, "sessions": 2}]"#)
        #expect(Self.refusal(course) == nil)
        course.parts?[0].kind = .assessment
        #expect(Self.refusal(course).map { [$0.field, $0.rule] } == ["details/parts/0/capability", "required"])
        course.parts?[0].capability = "welding.robot"
        course.parts?[0].sessions = 0
        #expect(Self.refusal(course).map { [$0.field, $0.rule] } == ["details/parts/0/sessions", "range"])
        course.parts = []
        #expect(Self.refusal(course).map { [$0.field, $0.rule] } == ["details/parts", "count"])
        course.parts = [
            CoursePart(kind: .practice, capability: "a.b", skill: "a.b", sessionMinutes: 600, sessions: 100)
        ]
        #expect(Self.refusal(course).map { [$0.field, $0.rule] } == ["details/parts", "range"])
        course.parts?[0].sessions = 4
        let trainer = UUID()
        course.trainerIds = [trainer, UUID(), trainer]
        #expect(Self.refusal(course).map { [$0.field, $0.rule] } == ["details/trainerIds/2", "unique"])
    }
}
