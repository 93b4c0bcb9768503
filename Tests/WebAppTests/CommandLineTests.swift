import Allocator
import Foundation
import TestSupport
import Testing

/// The built `praxis` executable, run as a user would.
@Suite("praxis command line")
struct CommandLineTests {
    /// A CB-CTT instance small enough to solve at once: two lectures of one course, one room.
    private static let instance = """
        Name: Tiny
        Courses: 1
        Rooms: 1
        Days: 2
        Periods_per_day: 2
        Curricula: 1
        Constraints: 0

        COURSES:
        c1 t1 2 2 10

        ROOMS:
        r1 20

        CURRICULA:
        q1 1 c1

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """

    /// Runs `praxis` with `arguments` in a new folder holding `tiny.ctt`; returns its standard output and error
    /// with the exit status on a last line `status=N`.
    private func praxis(_ arguments: String, in folder: URL) async throws -> String {
        try Self.instance.write(to: folder.appendingPathComponent("tiny.ctt"), atomically: true, encoding: .utf8)
        let script = #"cd "$2" && "$1/.build/debug/praxis" "# + arguments + #" 2>&1; echo "status=$?""#
        let root = TestDatabase.repositoryRoot.path
        return try await Command.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, "bash", root, folder.path])
    }

    private func newFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("praxis-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("cbctt solve --out writes through a symbolic link, which stays a link, and replaces a regular file")
    func outputThroughLink() async throws {
        let folder = try newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.sol")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.sol").path,
            withDestinationPath: target.path)
        let linked = try await praxis("cbctt solve tiny.ctt --step-limit 100 --out link.sol", in: folder)
        #expect(linked.contains("hard 0, ") && linked.hasSuffix("status=0\n"), "\(linked)")
        let type =
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("link.sol").path)[
                .type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 2 && written.hasPrefix("c1 r1 "), "\(written)")

        let regular = folder.appendingPathComponent("regular.sol")
        try "old content, longer than the timetable written over it".write(
            to: regular, atomically: true, encoding: .utf8)
        _ = try await praxis("cbctt solve tiny.ctt --step-limit 100 --out regular.sol", in: folder)
        #expect(try String(contentsOf: regular, encoding: .utf8) == written)
    }

    @Test(
        "--move-weight and --feasibility-soft-weight refuse a setting naming the rule it breaks",
        arguments: [
            ("--move-weight swop=3", "the kind one of place, time, resource"),
            ("--move-weight swap=x", "the weight must be a whole number from 0 to 1000"),
            ("--move-weight swap=1001", "the weight must be a whole number from 0 to 1000"),
            ("--move-weight swap", "a setting is kind=weight"),
            ("--feasibility-soft-weight 2", "The --feasibility-soft-weight (2.0) must be from 0 to 1."),
            (
                MoveWeights.Kind.allCases.map { "--move-weight \($0.rawValue)=0" }.joined(separator: " "),
                "every kind of move weight 0"
            ),
        ])
    func moveWeightRefused(options: String, rule: String) async throws {
        let folder = try newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await praxis("cbctt solve tiny.ctt --step-limit 100 \(options) --out x.sol", in: folder)
        #expect(output.contains(rule) && output.hasSuffix("status=64\n"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.sol").path))
    }

    @Test(
        "serve refuses, before it starts, a --port-file it could not write",
        arguments: [("missing/port", "the folder"), (".", "is a folder; name a file")])
    func portFileRefused(path: String, rule: String) async throws {
        let folder = try newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await praxis("serve --port 0 --port-file \(path)", in: folder)
        #expect(output.contains("--port-file (\(path))") && output.contains(rule), "\(output)")
        #expect(output.hasSuffix("status=64\n"), "\(output)")
    }

    @Test("--move-weight with a valid mix solves")
    func moveWeightAccepted() async throws {
        let folder = try newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await praxis(
            "cbctt solve tiny.ctt --step-limit 100 --move-weight swap=50 --move-weight place=0 --out x.sol", in: folder)
        #expect(output.contains("hard 0, ") && output.hasSuffix("status=0\n"), "\(output)")
    }
}
