import Allocator
import Foundation

/// The shared CB-CTT benchmark files: `$PRAXIS_CBCTT_DIR` when set, else `shared/benchmarks/cbctt` beside the
/// repository's folder (found from this file's path, so it also works in a clone made elsewhere).
enum CBCTTBenchmarkFolder {
    static let path: String = {
        if let folder = ProcessInfo.processInfo.environment["PRAXIS_CBCTT_DIR"], !folder.isEmpty {
            return folder
        }
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // AllocatorTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/cbctt").path
    }()

    /// The text of a file of the folder, e.g. `instances/comp01.ctt`.
    static func text(of relativePath: String) throws -> String {
        let file = "\(path)/\(relativePath)"
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw MissingFile(path: file)
        }
    }

    /// A benchmark file that cannot be read; the message says how to point the tests at the folder.
    struct MissingFile: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "cannot read '\(path)'; set PRAXIS_CBCTT_DIR to the CB-CTT benchmark folder (shared/benchmarks/cbctt)"
        }
    }

    /// The instance `instances/<name>.ctt`.
    static func instance(_ name: String) throws -> CBCTTInstance {
        try CBCTTInstance(parsing: text(of: "instances/\(name).ctt"))
    }
}
