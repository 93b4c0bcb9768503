import ArgumentParser

/// The `praxis` command: serve the API, migrate the database, run the allocator.
@main
struct Praxis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praxis",
        abstract: "Scheduling for industry–education practice centers (产教融合实践中心).",
        subcommands: [
            Serve.self,
            Migrate.self,
            Seed.self,
            CBCTT.self,
            Solve.self,
            UserCommand.self,
            CalendarCommand.self,
            TokenCommand.self,
            Plan.self,
            ImportCommand.self,
            ExportCommand.self,
        ]
    )
}
