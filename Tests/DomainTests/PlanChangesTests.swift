import Domain
import Foundation
import Testing

@Suite("What publishing a plan changes for whom")
struct PlanChangesTests {
    static let (school, enterprise) = (UUID(), UUID())
    static let (training, course) = (UUID(), UUID())
    static let (teacher, mentor, cohort) = (UUID(), UUID(), UUID())

    static func assignment(_ request: UUID, _ session: Int, instructor: UUID?) -> ProposedAssignment {
        ProposedAssignment(
            requestId: request, session: session, title: "t", category: .studentTraining,
            organizationId: request == training ? school : enterprise, start: Date(timeIntervalSince1970: 0),
            end: Date(timeIntervalSince1970: 3600), resourceId: UUID(), stations: nil, instructorId: instructor,
            cohortIds: request == training ? [cohort] : [], participants: 10)
    }

    @Test("added, moved and removed sessions counted per organization, with the instructors before and after")
    func perOrganization() {
        let moved = Self.assignment(Self.training, 1, instructor: Self.teacher)
        let result = PlanResult(
            score: PlanScore(hard: 0, medium: 0, soft: 0), sessions: 3, placed: 2, pinnedBookings: 0,
            assignments: [Self.assignment(Self.training, 0, instructor: Self.teacher), moved],
            unplaced: [], constraints: [], seatAllocations: [],
            diff: PlanDiff(
                added: [SessionKey(requestId: Self.training, session: 0)],
                moved: [
                    .init(
                        requestId: Self.training, session: 1,
                        from: Placement(
                            start: moved.start, end: moved.end, resourceId: moved.resourceId, instructorId: Self.mentor),
                        to: moved.placement)
                ],
                removed: [SessionKey(requestId: Self.course, session: 0), SessionKey(requestId: UUID(), session: 0)],
                unchanged: 0),
            steps: 0, movesEvaluated: 0, seconds: 0)
        let changes = PlanChanges(result) { $0 == Self.course ? Self.enterprise : nil }
        #expect(changes.shares.map(\.organizationId) == [Self.school, Self.enterprise])
        let school = changes.shares[0]
        #expect((school.added, school.moved, school.removed) == (1, 1, 0))
        #expect(school.instructorIds == [Self.teacher, Self.mentor])
        #expect(school.cohortIds == [Self.cohort])
        #expect((changes.shares[1].added, changes.shares[1].removed) == (0, 1))
        #expect(changes.total == (1, 1, 1, 0), "a request of unknown organization is left out")
    }
}
