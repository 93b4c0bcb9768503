/// Which pairs of sessions share a cohort, as a bit matrix built once per solve, for Kempe chains and
/// evicting assignments.
struct CohortOverlap {
    private let bits: [UInt64]
    private let words: Int

    init(sessionCohorts: [[Int]], cohortCount: Int) {
        let count = sessionCohorts.count
        words = (count + 63) / 64
        var bits = Array(repeating: UInt64(0), count: count * words)
        var byCohort = Array(repeating: [Int](), count: cohortCount)
        for (session, cohorts) in sessionCohorts.enumerated() {
            for cohort in cohorts { byCohort[cohort].append(session) }
        }
        for members in byCohort {
            for one in members {
                for other in members where other != one { bits[one * words + other / 64] |= 1 << UInt64(other % 64) }
            }
        }
        self.bits = bits
    }

    /// Whether sessions `one` and `other` have a cohort in common.
    @inline(__always) func contains(_ one: Int, _ other: Int) -> Bool {
        bits[one * words + other / 64] & (1 << UInt64(other % 64)) != 0
    }
}

extension ScoreCalculator {
    /// Whether two sessions cannot share a slot because of their people: a common cohort or the same
    /// (current) instructor.
    @inline(__always) func peopleClash(_ one: Int, _ other: Int) -> Bool {
        if facts.cohortOverlap.contains(one, other) { return true }
        return teaches(other, instructor[one]) || teaches(other, secondInstructor[one])
    }

    /// Whether `teacher` (≥ 0) is the first or the second instructor of placed `session`.
    @inline(__always) func teaches(_ session: Int, _ teacher: Int32) -> Bool {
        teacher >= 0 && (instructor[session] == teacher || secondInstructor[session] == teacher)
    }
}
