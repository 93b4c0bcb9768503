/// A QR code (ISO/IEC 18004) of some bytes, byte mode, error correction level M, versions 1–10
/// (up to 213 bytes): the module grid, `true` for dark. Written here because no QR package is on
/// the machine's list; the tests decode its output with an independent decoder (zxing-cpp).
///
///     version  = smallest v in 1…10 whose data capacity holds 4 + count bits + 8·n bits
///     codewords = mode 0100, count, bytes, terminator, pad to bytes, pad 0xEC 0x11 … to capacity
///     blocks   = split data codewords; each gets its Reed–Solomon codewords; interleave both
///     grid     = finders, separators, timing, alignment, version info (v ≥ 7), dark module
///     place    = codeword bits in the two-column zig-zag from the bottom right, skipping patterns
///     mask     = for each of the 8 masks: apply, draw format bits, score penalty; keep the lowest
struct QRCode: Sendable, Equatable {
    /// Modules per side: 17 + 4 · version.
    let size: Int
    /// `modules[y][x]`, `true` for dark; the quiet zone is not included.
    private(set) var modules: [[Bool]]
    /// Which modules belong to function patterns (not data, not masked).
    private var isFunction: [[Bool]]

    /// The QR code of `bytes`, or `nil` when they do not fit in version 10 (more than 213 bytes).
    init?(bytes: [UInt8]) {
        guard let version = Self.smallestVersion(for: bytes.count) else { return nil }
        size = 17 + 4 * version
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns(version: version)
        place(Self.interleavedCodewords(Self.dataCodewords(bytes, version: version), version: version))
        applyBestMask()
    }

    /// The QR code of `text` as UTF-8.
    init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Whether the module at column `x`, row `y` is dark.
    func isDark(x: Int, y: Int) -> Bool {
        modules[y][x]
    }

    /// Marks a module as a function pattern, dark or light.
    mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    /// Places the codewords' bits, most significant first, in the two-column zig-zag that runs up
    /// and down from the right edge, skipping function modules and the vertical timing column.
    private mutating func place(_ codewords: [UInt8]) {
        var bit = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !isFunction[y][x] && bit < codewords.count * 8 {
                    modules[y][x] = (codewords[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1
                    bit += 1
                }
            }
            right -= 2
        }
    }

    /// Applies each mask in turn and keeps the one with the lowest penalty.
    private mutating func applyBestMask() {
        var best: (mask: Int, penalty: Int)?
        for mask in 0..<8 {
            var candidate = self
            candidate.apply(mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (mask, penalty) }
        }
        apply(mask: best!.mask)
    }

    /// Flips the data modules the mask selects and draws the format bits that name it.
    private mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && Self.masks(mask, x: x, y: y) {
                modules[y][x].toggle()
            }
        }
        drawFormatBits(mask: mask)
    }

    /// Whether mask pattern `mask` (0…7) flips the module at column `x`, row `y`.
    static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }
}
