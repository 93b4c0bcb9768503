import Access
import Domain
import Foundation
import Testing

@Suite("Policy: who edits organizations and instructors, who onboards")
struct PolicyEditingTests {
    typealias P = PolicyTests

    static let schoolRecord = Policy.Subject.organizationRecord(id: P.school, centers: [P.center])
    static let teacherRecord = Policy.Subject.instructorRecord(
        id: P.instructor, centerId: P.center, organizationId: P.school)
    static let otherManager = P.principal(UUID(), RoleGrant(role: .centerManager, centerId: P.otherCenter))

    @Test(
        "decisions",
        arguments: [
            (P.admin, Policy.Action.change, schoolRecord, Policy.Decision.allowed),
            (P.manager, .change, schoolRecord, .allowed),
            (otherManager, .change, schoolRecord, .forbidden("", rule: "")),
            (P.teacher, .read, schoolRecord, .allowed),
            (P.teacher, .change, schoolRecord, .forbidden("", rule: "")),
            (P.buyer, .change, schoolRecord, .hidden),
            (P.manager, .create, .organizationRecord(id: nil, centers: [P.center]), .allowed),
            (otherManager, .create, .organizationRecord(id: nil, centers: [P.center]), .forbidden("", rule: "")),
            (P.teacher, .create, .organizationRecord(id: nil, centers: [P.center]), .forbidden("", rule: "")),
            (P.manager, .change, teacherRecord, .allowed),
            (otherManager, .change, teacherRecord, .hidden),
            (P.teacher, .change, teacherRecord, .allowed),
            (P.buyer, .change, teacherRecord, .hidden),
            (P.tutor, .read, teacherRecord, .allowed),
            (P.tutor, .change, teacherRecord, .forbidden("", rule: "")),
            (P.auditor, .change, teacherRecord, .forbidden("", rule: "")),
        ])
    func decisions(
        _ principal: Principal, _ action: Policy.Action, _ subject: Policy.Subject, _ expected: Policy.Decision
    ) {
        let decision = Policy(principal).decide(action, subject)
        switch (decision, expected) {
        case (.forbidden(let reason, let rule), .forbidden):
            #expect(!reason.isEmpty && !rule.isEmpty)
        default:
            #expect(decision == expected)
        }
    }
}
