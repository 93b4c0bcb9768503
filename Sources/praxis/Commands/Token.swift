import ArgumentParser

/// `praxis token`: API tokens from the command line.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens.",
        subcommands: [TokenCreate.self])
}
