import Foundation

/// Seeded mutation fuzzing of the parsers that read what people and programs send: each test
/// mutates valid inputs (bytes flipped, inserted, deleted, repeated; a token of the format put in;
/// a number replaced by an extreme one) and feeds them to a parser, which must answer or refuse,
/// never trap, and keep its stated properties.
///
/// `PRAXIS_FUZZ_ITERATIONS` (default 1,500 per test) and `PRAXIS_FUZZ_SEED` (default 20261203) set
/// the run; `scripts/fuzz-parsers` runs long ones with a fresh seed. With `PRAXIS_FUZZ_DIR` set, each
/// test writes its input to `NAME.last` there before parsing it, so a trap leaves the input behind.
enum Fuzz {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["PRAXIS_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_500
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["PRAXIS_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_203
    }

    /// Calls `body` with `iterations` mutations of the `seeds` (a fixed mix of one to four edits
    /// each), after writing each to `PRAXIS_FUZZ_DIR/NAME.last` when that is set.
    static func run(
        _ name: String, seeds: [[UInt8]], tokens: [String], body: ([UInt8]) throws -> Void
    ) rethrows {
        var mutator = Mutator(seed: seed ^ UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        let last = ProcessInfo.processInfo.environment["PRAXIS_FUZZ_DIR"].map {
            URL(fileURLWithPath: $0).appendingPathComponent("\(name).last")
        }
        for _ in 0..<iterations {
            let input = mutator.mutate(seeds[mutator.below(seeds.count)], tokens: tokens.map { Array($0.utf8) })
            if let last { try? Data(input).write(to: last) }
            try body(input)
        }
    }

    /// A fixture file of this target.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }
}

/// The mutations (SplitMix64 for the randomness: fast, seeded, the same on every machine).
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Numbers at the edges of what parsers and arrays take.
    static let extremes = [
        "-1", "0", "1", "255", "65536", "2147483647", "-2147483648", "9223372036854775807",
        "99999999999999999999", "1e308", "-0.5", "NaN",
    ]

    /// `input` after one to four edits.
    mutating func mutate(_ input: [UInt8], tokens: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            let at = bytes.isEmpty ? 0 : below(bytes.count + 1)
            switch below(8) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let index = below(bytes.count)
                bytes[index] ^= UInt8(1 << below(8))
            case 1:  // insert a byte, often a control or high one
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            case 2 where !bytes.isEmpty:  // delete a run
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 3 where !bytes.isEmpty:  // repeat a run
                let start = below(bytes.count)
                let run = bytes[start..<min(bytes.count, start + 1 + below(64))]
                bytes.insert(contentsOf: Array(repeating: Array(run), count: 1 + below(8)).joined(), at: at)
            case 4 where !tokens.isEmpty:  // a token of the format
                bytes.insert(contentsOf: tokens[below(tokens.count)], at: at)
            case 5:  // a number replaced by an extreme one
                replaceNumber(in: &bytes)
            case 6 where !bytes.isEmpty:  // cut the end off
                bytes.removeSubrange(below(bytes.count)...)
            default:  // a line swapped with another
                swapLines(in: &bytes)
            }
        }
        return bytes
    }

    private mutating func replaceNumber(in bytes: inout [UInt8]) {
        let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
        guard !digits.isEmpty else { return }
        let start = digits[below(digits.count)]
        var end = start
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: Array(Self.extremes[below(Self.extremes.count)].utf8))
    }

    private mutating func swapLines(in bytes: inout [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count > 1 else { return }
        lines.swapAt(below(lines.count), below(lines.count))
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// Text of up to `length` characters drawn from what breaks text formats: separators, quotes,
    /// line breaks, control characters, CJK, emoji with modifiers, combining marks.
    mutating func text(length: Int) -> String {
        let palette: [String] = [
            "a", "Z", "7", " ", ",", ";", ":", "\\", "\"", "'", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{7F}",
            "数", "控", "车", "间", "·", "、", "é", "e\u{301}", "👩🏽‍🔧", "🇨🇳", "\u{FEFF}", "\u{2028}", "𠀋",
        ]
        return String((0..<below(length + 1)).map { _ in palette[below(palette.count)] }.joined())
    }
}
