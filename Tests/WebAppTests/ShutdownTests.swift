import Foundation
import TestSupport
import Testing

@Suite("praxis serve")
struct ShutdownTests {
    @Test("stops with exit status 0 on SIGTERM, its background jobs included")
    func sigterm() async throws {
        // waits for the port to answer (a condition, at most 60 s), then asks the server to stop
        let script = """
            port=$((20000 + RANDOM % 40000))
            "$1/.build/debug/praxis" serve --port "$port" --migrations "$1/sql" --log-level warning &
            pid=$!
            for _ in $(seq 1 600); do
                (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
                kill -0 "$pid" 2>/dev/null || exit 90
                sleep 0.1
            done
            kill -TERM "$pid"
            wait "$pid"
            """
        let root = TestDatabase.repositoryRoot.path
        _ = try await Command.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, "bash", root])
    }
}
