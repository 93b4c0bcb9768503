import Foundation
import TestSupport

/// A real server for the notification tests, one of `scripts/test.d`'s Python scripts (an SMTP
/// sink on aiosmtpd, a webhook receiver on http.server), run on `PRAXIS_TEST_PYTHON` (scripts/test's
/// venv) and writing what it receives to a folder as JSON files. Stopped and started again on the
/// same port, it plays a server that is down for a while.
final class PythonServer: @unchecked Sendable {
    let script: String
    /// The script's options after its port and folder.
    let arguments: [String]
    let port: Int
    let folder: URL
    private var process: Process?

    init(script: String, arguments: [String] = []) throws {
        self.script = script
        self.arguments = arguments
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("praxis-\(script)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
    }

    /// Starts the server and waits (at most 120 s) until it listens.
    func start() async throws {
        let ready = folder.appendingPathComponent("ready")
        try? FileManager.default.removeItem(at: ready)
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: ProcessInfo.processInfo.environment["PRAXIS_TEST_PYTHON"] ?? "/usr/bin/python3")
        process.arguments =
            [
                TestDatabase.repositoryRoot.appendingPathComponent("scripts/test.d/\(script).py").path, "\(port)",
                folder.path,
            ] + arguments
        try process.run()
        self.process = process
        try await Self.waitFor("\(script) to listen") { FileManager.default.fileExists(atPath: ready.path) }
    }

    /// Stops the server (it refuses connections until started again). SIGKILL: the test process
    /// hands its children an ignored SIGTERM, which `terminate()` would send in vain.
    func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// The JSON files (ending in `suffix`) the server wrote, oldest first.
    func received(_ suffix: String = ".json") throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { name in
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            }
    }

    /// Waits (at most 120 s, for a loaded machine) until `condition` holds: for a server's asynchronous side only.
    static func waitFor(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(120)
        while try !condition() {
            guard Date() < deadline else { throw Timeout(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "waited 120 s for \(what)" }
    }

    deinit {
        if let process { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw Timeout(what: "a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
