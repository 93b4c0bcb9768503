extension QRCode {
    /// The mask penalty of ISO/IEC 18004 §7.8.3: runs of five or more same-coloured modules in a
    /// row or column (3, plus 1 per module beyond five), 2×2 blocks of one colour (3 each),
    /// finder-like 1:1:3:1:1 patterns with four light modules on one side (40 each), and the share
    /// of dark modules away from half (10 per 5% step).
    func penalty() -> Int {
        var total = 0
        let lines = modules + (0..<size).map { x in modules.map { $0[x] } }
        for line in lines {
            total += Self.runPenalty(line) + Self.finderLikePenalty(line)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = modules[y][x]
                if modules[y][x + 1] == colour && modules[y + 1][x] == colour && modules[y + 1][x + 1] == colour {
                    total += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let all = size * size
        total += ((abs(dark * 20 - all * 10) + all - 1) / all - 1) * 10
        return total
    }

    /// 3 + (length − 5) for every run of at least five modules of one colour.
    private static func runPenalty(_ line: [Bool]) -> Int {
        var total = 0
        var run = 1
        for i in 1...line.count {
            if i < line.count && line[i] == line[i - 1] {
                run += 1
            } else {
                if run >= 5 { total += 3 + run - 5 }
                run = 1
            }
        }
        return total
    }

    /// 40 for every dark-light-dark×3-light-dark pattern with four light modules before or after.
    private static func finderLikePenalty(_ line: [Bool]) -> Int {
        let finder: [Bool] = [true, false, true, true, true, false, true]
        let light = Array(repeating: false, count: 4)
        let patterns = [light + finder, finder + light]
        var total = 0
        for start in 0...(line.count - 11) {
            let window = Array(line[start..<start + 11])
            total += patterns.filter { $0 == window }.count * 40
        }
        return total
    }
}
