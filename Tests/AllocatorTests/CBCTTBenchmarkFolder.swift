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
        try String(contentsOfFile: "\(path)/\(relativePath)", encoding: .utf8)
    }

    /// The instance `instances/<name>.ctt`.
    static func instance(_ name: String) throws -> CBCTTInstance {
        try CBCTTInstance(parsing: text(of: "instances/\(name).ctt"))
    }
}
