public import Foundation

/// Runs a program to completion on a thread of its own (never blocking the Swift concurrency
/// pool), its standard output captured through a file so no pipe can outlive it.
public enum Command {
    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public let output: String
        public var description: String { "exit status \(status): \(output)" }
    }

    /// Runs `executable` with `arguments`; returns its standard output.
    /// - Throws: ``Failure`` when it exits non-zero.
    public static func run(_ executable: URL, _ arguments: [String]) async throws -> String {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "praxis-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let status: Int32 = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: spawnAndWait(executable.path, arguments, stdout: outputFile.path))
            }
        }
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(status: status, output: output) }
        return output
    }

    private static func spawnAndWait(_ path: String, _ arguments: [String], stdout: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
