import ArgumentParser

/// `praxis user`: accounts from the command line (the first admin, above all).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts.",
        subcommands: [UserAdd.self])
}
