/// A symmetric relation between sessions as a bit matrix built once per solve: two sessions are related when
/// some group holds both (a cohort, a candidate instructor). Building it costs a word-wise OR of each group's
/// mask into its members' rows, never a pair-by-pair scan; members come out in ascending order.
struct SessionPairs {
    private let bits: [UInt64]
    private let words: Int

    /// The relation of `count` sessions in which two different sessions are related when a group holds both.
    init(count: Int, groups: [[Int]]) {
        let words = (count + 63) / 64
        var bits = Array(repeating: UInt64(0), count: count * words)
        var mask = Array(repeating: UInt64(0), count: words)
        for group in groups where group.count > 1 {
            for word in mask.indices { mask[word] = 0 }
            for session in group { mask[session / 64] |= 1 << UInt64(session % 64) }
            for session in group {
                let row = session * words
                for word in 0..<words { bits[row + word] |= mask[word] }
            }
        }
        for session in 0..<count { bits[session * words + session / 64] &= ~(1 << UInt64(session % 64)) }
        self.bits = bits
        self.words = words
    }

    /// Whether sessions `one` and `other` are related.
    @inline(__always) func contains(_ one: Int, _ other: Int) -> Bool {
        bits[one * words + other / 64] & (1 << UInt64(other % 64)) != 0
    }

    /// The sessions related to `session`, in ascending order.
    @inline(__always) func members(of session: Int) -> Members {
        Members(bits: bits[(session * words)..<((session + 1) * words)])
    }

    /// The set bits of one row.
    struct Members: Sequence, IteratorProtocol {
        fileprivate let bits: ArraySlice<UInt64>
        private var word = -1
        private var current: UInt64 = 0

        fileprivate init(bits: ArraySlice<UInt64>) {
            self.bits = bits
            word = bits.startIndex - 1
        }

        mutating func next() -> Int? {
            while current == 0 {
                word += 1
                guard word < bits.endIndex else { return nil }
                current = bits[word]
            }
            let bit = current.trailingZeroBitCount
            current &= current - 1
            return (word - bits.startIndex) * 64 + bit
        }
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
