import Foundation
import TestSupport
import Testing

@testable import WebUI

/// The QR encoder, checked by an independent decoder (zxing-cpp on a cairosvg rendering, run by
/// `scripts/test.d/decode_qr.py` on scripts/test's Python).
@Suite("QR codes")
struct QRCodeTests {
    /// Texts of 6, 46, 79, 115 and 213 bytes: versions 1, 4, 5 (two blocks), 7 (version information,
    /// four blocks) and 10 (blocks of two lengths, 16-bit count), with UTF-8 beyond ASCII.
    static let texts = [
        "123456",
        "https://praxis.example/ui/check-in?code=042917",
        "http://127.0.0.1:8080/ui/check-in?code=999999 · 签到 · " + String(repeating: "x", count: 20),
        String(repeating: "产教融合实践中心 ", count: 4) + "0123456789abcde",
        String((0..<213).map { Character(UnicodeScalar(UInt8(33 + $0 % 90))) }),
    ]

    @Test("each code decodes to its text at level M, and its size grows with the version")
    func decodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        var sizes: [Int] = []
        for (i, text) in Self.texts.enumerated() {
            let code = try #require(QRCode(text: text))
            sizes.append(code.size)
            let file = folder.appendingPathComponent("\(i).svg").path
            try code.svg(pixels: 300, label: "code").write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        #expect(sizes == [21, 33, 37, 45, 57])
        let lines = try Self.decode(files)
        #expect(lines.count == Self.texts.count)
        for (line, text) in zip(lines, Self.texts) {
            #expect(line["text"] as? String == text)
            #expect(line["ecLevel"] as? String == "M")
        }
    }

    @Test("more than 213 bytes do not fit version 10")
    func tooLong() {
        #expect(QRCode(bytes: Array(repeating: 65, count: 213)) != nil)
        #expect(QRCode(bytes: Array(repeating: 65, count: 214)) == nil)
    }

    @Test("Reed–Solomon: the generator of degree 10 and the correction of the standard's example")
    func reedSolomon() {
        // ISO/IEC 18004 annex I: "01234567" in version 1-M
        let data: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(
            ReedSolomon.remainder(of: data, divisor: ReedSolomon.divisor(degree: 10))
                == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }

    /// Runs the decoder on `files`; one JSON object per file.
    static func decode(_ files: [String]) throws -> [[String: Any]] {
        let python = ProcessInfo.processInfo.environment["PRAXIS_TEST_PYTHON"] ?? "/usr/bin/python3"
        let script = TestDatabase.repositoryRoot.appendingPathComponent("scripts/test.d/decode_qr.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}
