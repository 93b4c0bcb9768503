import ArgumentParser

/// `praxis cbctt`: the CB-CTT benchmark (ITC-2007 track 3, curriculum-based course timetabling).
struct CBCTT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cbctt",
        abstract: "Solve and score CB-CTT (ITC-2007 track 3) instances, formulation UD2.",
        subcommands: [CBCTTSolve.self, CBCTTEvaluate.self]
    )
}
