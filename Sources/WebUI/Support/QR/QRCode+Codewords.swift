extension QRCode {
    /// Error correction level M, versions 1–10: data codewords of each block, and Reed–Solomon
    /// codewords per block (ISO/IEC 18004 table 9).
    static let blocks: [(data: [Int], correction: Int)] = [
        ([16], 10), ([28], 16), ([44], 26), ([32, 32], 18), ([43, 43], 24), ([27, 27, 27, 27], 16),
        ([31, 31, 31, 31], 18), ([38, 38, 39, 39], 22), ([36, 36, 36, 37, 37], 22), ([43, 43, 43, 43, 44], 26),
    ]

    /// The smallest version whose data codewords hold `count` bytes in byte mode.
    static func smallestVersion(for count: Int) -> Int? {
        (1...10).first { version in
            let countBits = version < 10 ? 8 : 16
            return 4 + countBits + 8 * count <= 8 * blocks[version - 1].data.reduce(0, +)
        }
    }

    /// Mode indicator, character count, the bytes, up to four terminator bits, zero bits to the
    /// byte boundary, then the alternating pad codewords up to the version's capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let capacity = blocks[version - 1].data.reduce(0, +)
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into the version's blocks, appends each block's Reed–Solomon codewords, and
    /// interleaves: the i-th data codeword of every block in turn, then the i-th correction one.
    static func interleavedCodewords(_ data: [UInt8], version: Int) -> [UInt8] {
        let (lengths, correction) = blocks[version - 1]
        let divisor = ReedSolomon.divisor(degree: correction)
        var start = 0
        var dataBlocks: [[UInt8]] = []
        for length in lengths {
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        let correctionBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0..<(lengths.max() ?? 0) {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<correction {
            for block in correctionBlocks { result.append(block[i]) }
        }
        return result
    }
}
