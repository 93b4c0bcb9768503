extension QRCode {
    /// Centres of the alignment patterns per version (rows and columns alike), versions 1–10.
    static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    /// Draws everything but data: finders with separators, timing, alignment patterns, version
    /// information (versions 7 and up), and reserves the format areas (drawn with the mask).
    mutating func drawFunctionPatterns(version: Int) {
        for i in 0..<size {
            setFunction(x: 6, y: i, dark: i % 2 == 0)
            setFunction(x: i, y: 6, dark: i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { drawFinder(centreX: x, centreY: y) }
        let centres = Self.alignmentCentres[version - 1]
        for cy in centres {
            for cx in centres where !Self.overlapsFinder(cx, cy, last: centres.last ?? 0) {
                drawAlignment(centreX: cx, centreY: cy)
            }
        }
        drawFormatBits(mask: 0)  // reserves the areas; the chosen mask redraws them
        if version >= 7 { drawVersionBits(version) }
    }

    /// Whether an alignment centre falls on a finder's corner (top left, top right, bottom left).
    private static func overlapsFinder(_ x: Int, _ y: Int, last: Int) -> Bool {
        (x == 6 && y == 6) || (x == last && y == 6) || (x == 6 && y == last)
    }

    /// A 7×7 finder and its light separator ring (clipped at the edges).
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (x, y) = (centreX + dx, centreY + dy)
                guard x >= 0, x < size, y >= 0, y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark ring, light ring, dark centre.
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15 format bits (level M, the mask, BCH(15,5), XOR 0x5412) in both copies, and the dark
    /// module beside the bottom-left finder.
    mutating func drawFormatBits(mask: Int) {
        let data = 0 << 3 | mask  // level M is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(x: 8, y: i, dark: bit(i)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9..<15 { setFunction(x: 14 - i, y: 8, dark: bit(i)) }
        for i in 0..<8 { setFunction(x: size - 1 - i, y: 8, dark: bit(i)) }
        for i in 8..<15 { setFunction(x: 8, y: size - 15 + i, dark: bit(i)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// The 18 version bits (6 bits of version, BCH(18,6)) in the blocks above the bottom-left and
    /// left of the top-right finder.
    private mutating func drawVersionBits(_ version: Int) {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let (a, b) = (size - 11 + i % 3, i / 3)
            setFunction(x: a, y: b, dark: dark)
            setFunction(x: b, y: a, dark: dark)
        }
    }
}
