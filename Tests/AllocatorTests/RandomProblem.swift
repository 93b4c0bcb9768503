@testable import Allocator

/// Seeded random problems that use every part of the model: pools and rooms with parents, closures and
/// changeovers; instructors with skills, caps and absences; second instructors (双师); cohorts; weekly,
/// contiguous, spread and simultaneous series; preferences; priorities 0 (not counted when unplaced) to 3;
/// a category policy; organizations' quotas; pinned assignments and a previous solution.
enum RandomProblem {
    static func make(seed: UInt64, sessions sessionCount: Int = 24) -> Problem {
        var random = SplitMix64(seed: seed)
        let horizon = Horizon(days: 4, slotsPerDay: 6, daysPerWeek: 2)
        var changeover = Changeover()
        changeover.setBuffer(2, from: .pilotProduction, to: .studentTraining)
        let resources = [
            Resource(name: "hall", capacity: 1, seats: 60, capabilities: ["cnc"]),
            Resource(name: "pool", capacity: 6, seats: 12, capabilities: ["cnc", "plc"], parent: 0),
            Resource(
                name: "line",
                capacity: 1,
                seats: 10,
                capabilities: ["plc"],
                unavailableSlots: [3, 4],
                changeover: changeover
            ),
            Resource(name: "room", capacity: 1, seats: 30, capabilities: ["cnc"], unavailableSlots: [20]),
        ]
        let instructors = [
            Instructor(name: "li", skills: ["weld", "plc"], weeklySlotCap: 8, unavailableSlots: [0, 1]),
            Instructor(name: "wang", skills: ["weld"]),
            Instructor(name: "zhao", skills: ["plc"], weeklySlotCap: 5),
        ]
        var sessions: [Session] = []
        for index in 0..<sessionCount {
            let category = SessionCategory.allCases[random.below(4)]
            sessions.append(
                Session(
                    name: "s\(index)",
                    duration: 1 + random.below(3),
                    allowedStarts: random.below(4) == 0 ? Array(0..<12) : nil,
                    participants: random.below(40),
                    category: category,
                    priority: random.below(4),
                    organization: random.below(3),
                    cohorts: random.below(3) == 0 ? [] : [random.below(4)],
                    resourceNeed: ResourceNeed(
                        capabilities: [["cnc"], ["plc"], []][random.below(3)],
                        units: 1 + random.below(2)
                    ),
                    needsInstructor: random.below(3) != 0,
                    requiredSkills: random.below(2) == 0 ? ["plc"] : ["weld"],
                    preferredStarts: random.below(3) == 0 ? [random.below(24)] : [],
                    preferredDays: random.below(3) == 0 ? [random.below(4)] : []
                )
            )
        }
        for index in sessions.indices where index % 4 == 1 && sessions[index].needsInstructor {
            sessions[index].secondInstructor = SecondInstructorNeed(requiredSkills: ["weld"])
        }
        let kinds: [Series.Kind] = [.weekly, .contiguous, .spread]
        var series: [Series] = []
        for (number, kind) in kinds.enumerated() {
            let members = [3 * number, 3 * number + 1, 3 * number + 2]
            for member in members { sessions[member].series = number }
            series.append(Series(name: "\(kind)", kind: kind, sessions: members, minimumDays: 3))
        }
        series.append(Series(name: "groups together", kind: .simultaneous, sessions: [9, 10, 11]))
        var policy = CategoryPolicy()
        policy.setShare(.studentTraining, minimumPercent: 20)
        policy.setShare(.pilotProduction, maximumPercent: 10)
        let previous = Solution(
            assignments: (0..<sessionCount).map { _ in
                random.below(2) == 0 ? nil : Assignment(start: random.below(12), resource: random.below(4))
            }
        )
        return Problem(
            horizon: horizon,
            resources: resources,
            instructors: instructors,
            cohorts: (0..<4).map { Cohort(name: "c\($0)") },
            organizations: ["a", "b", "c"],
            sessions: sessions,
            series: series,
            categoryPolicy: policy,
            weights: SoftWeights(
                preferredTime: 2,
                seriesTimeStability: 3,
                roomStability: 1,
                minimumDays: 5,
                categoryShare: 1,
                organizationFairness: 1,
                roomSize: 1,
                isolatedSlot: 2,
                leastChange: 4
            ),
            pinned: [sessionCount - 1: Assignment(start: 7, resource: 3)],
            previous: previous,
            quotas: [
                // organization a's use of the pool and the line, per two-day week; b's anywhere, in one window
                QuotaCap(
                    name: "a on pool and line", sessions: sessions.indices.filter { sessions[$0].organization == 0 },
                    resources: [1, 2],
                    windows: [.init(start: 0, end: 12, limit: 4), .init(start: 12, end: 24, limit: 3)]),
                QuotaCap(
                    name: "b anywhere", sessions: sessions.indices.filter { sessions[$0].organization == 1 },
                    windows: [.init(start: 6, end: 18, limit: 5)]),
            ]
        )
    }
}
