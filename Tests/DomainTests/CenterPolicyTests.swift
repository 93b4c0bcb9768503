import Domain
import Foundation
import Testing

@Suite("A center's category policy")
struct CenterPolicyTests {
    @Test(
        "a bad entry is named by its JSON Pointer and rule",
        arguments: [
            (
                CenterPolicy(shares: [CategoryShare(category: .pilotProduction, minPercent: 30, maxPercent: 20)]),
                "shares/0/maxPercent", "notBelowMin"
            ),
            (
                CenterPolicy(shares: [CategoryShare(category: .pilotProduction, minPercent: 0, maxPercent: 120)]),
                "shares/0/maxPercent", "range"
            ),
            (
                CenterPolicy(shares: [
                    CategoryShare(category: .studentTraining, minPercent: 60, maxPercent: 100),
                    CategoryShare(category: .employeeUpskilling, minPercent: 50, maxPercent: 100),
                ]), "shares", "minimumsAtMost100"
            ),
            (
                CenterPolicy(shares: [
                    CategoryShare(category: .studentTraining, minPercent: 0, maxPercent: 100),
                    CategoryShare(category: .studentTraining, minPercent: 0, maxPercent: 50),
                ]), "shares/1/category", "unique"
            ),
            (
                CenterPolicy(changeovers: [
                    ChangeoverRule(
                        resourceKind: .equipmentLine, fromCategory: .pilotProduction, toCategory: .studentTraining,
                        minutes: 60),
                    ChangeoverRule(
                        resourceKind: .equipmentLine, fromCategory: .pilotProduction, toCategory: .studentTraining,
                        minutes: 90),
                ]), "changeovers/1", "unique"
            ),
            (
                CenterPolicy(changeovers: [
                    ChangeoverRule(
                        resourceKind: .room, fromCategory: .pilotProduction, toCategory: .studentTraining, minutes: -5)
                ]),
                "changeovers/0/minutes", "range"
            ),
        ])
    func invalid(_ policy: CenterPolicy, _ field: String, _ rule: String) {
        let error = #expect(throws: DomainError.self) { try policy.validate() }
        #expect(error?.field == field)
        #expect(error?.rule == rule)
    }

    @Test("weights are one number per soft constraint in JSON, each required, and read back as written")
    func weightsJSON() throws {
        var weights = PolicyWeights()
        weights[.organizationFairness] = 10
        let json = try JSONEncoder().encode(weights)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Int])
        #expect(Set(object.keys) == Set(SoftConstraint.allCases.map(\.rawValue)))
        #expect(object["organizationFairness"] == 10 && object["leastChange"] == 1)
        #expect(try JSONDecoder().decode(PolicyWeights.self, from: json) == weights)
        var partial = object
        partial["roomSize"] = nil
        let missing = try JSONSerialization.data(withJSONObject: partial)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PolicyWeights.self, from: missing) }
    }

    @Test("weights are 0 to 1000")
    func weights() throws {
        var policy = CenterPolicy()
        try policy.validate()
        policy.weights[.leastChange] = 1001
        let error = #expect(throws: DomainError.self) { try policy.validate() }
        #expect(error?.field == "weights/leastChange")
    }
}
